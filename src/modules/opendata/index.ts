export {
  openDataService,
  oparlVersion,
  oparlKinds,
  type OpenDataService,
  type OparlObject,
} from './opendata.service.ts';
export { openDataRoutes, oparlList, oparlPageSize, pageOf } from './opendata.routes.ts';
export { openDataPaths } from './opendata.openapi.ts';
