export { buildPackage } from './build.ts';
export { installOutside, outsideEnvironment, runOutside, useContractTarballs } from './outside.ts';
export { packContract, packPackage } from './pack.ts';
export { CONTRACT_PACKAGES, type ContractPackage, readPackage, ROOT } from './packages.ts';
