export { layeringPicture, SHARED_NODES } from './picture.js';
export type { LayeringPicture, WorkloadLayering } from './picture.js';
export type { LayeringOptions, Role, RoleMapping } from './options.js';
export type { Clue, Kernel, Layers, Nodes, PodSecurity, RoleEvidence } from './types.js';
