export { buildPackage, builtFrom } from './build.ts';
export { CONTRACT_INPUTS, contractInputsHash } from './inputs.ts';
export { installOutside, outsideEnvironment, runOutside, useContractTarballs } from './outside.ts';
export { buildContract, packContract, packedContract, packPackage } from './pack.ts';
export { CONTRACT_PACKAGES, type ContractPackage, readPackage, ROOT } from './packages.ts';
