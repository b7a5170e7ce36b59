/** 檔案格式: the declared formats of the national standard. */
export const FORMATS = [
  'API', 'CAP', 'CSV', 'DOC', 'DOCX', 'DWG', 'GEOJSON', 'JPG', 'JSON', 'KML', 'KMZ', 'ODP', 'ODS', 'ODT',
  'PDF', 'PNG', 'PPT', 'PPTX', 'RDF', 'RSS', 'SHP', 'TIFF', 'TXT', 'WEBSERVICES', 'WMS', 'XLS', 'XLSX',
  'XML', 'ZIP', '7Z', 'RAR', '壓縮檔', '其他',
] as const;

/** 編碼格式 values seen in practice. Free text is accepted; these are the suggestions. */
export const ENCODINGS = ['UTF-8', 'BIG5', 'UTF-16', 'ASCII', 'ISO-8859-1', '其他'] as const;
