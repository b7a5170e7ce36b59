/** One choice of a LabelledSelect. */
export interface SelectOption {
  value: string;
  text: string;
}

/**
 * A form field of the preview and chart builders: a label and its `<select>`, with an
 * empty first option when `empty` (its text) is given.
 */
export function LabelledSelect({
  id,
  name,
  label,
  options,
  selected,
  empty,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  selected: string | undefined;
  empty?: string;
}) {
  return (
    <p>
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {empty === undefined ? null : <option value="">{empty}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={selected === option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </p>
  );
}
