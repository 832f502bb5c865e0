export { createVirtualCccd, type VirtualCccd, type VirtualCccdFault, type VirtualCccdOptions } from './virtual-cccd';
export { createTestPki, type TestPki, type TestPkiOptions } from './test-pki';
export { secondSyntheticPerson, syntheticCan, syntheticMrzInformation, syntheticPerson, syntheticTd1, type SyntheticPerson } from './person';
export { syntheticFaceImage } from './lds-builder';
