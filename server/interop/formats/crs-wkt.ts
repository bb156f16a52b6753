/**
 * Definitions of the export CRS as files need them: OGC WKT 1 (GeoPackage gpkg_spatial_ref_sys, as EPSG
 * and GDAL write it) and ESRI WKT (.prj, as ArcGIS, QGIS and GDAL write it). Texts from `gdalsrsinfo`.
 */
import type { ExportCrs } from './types.js';

/** OGC WKT 1 with EPSG authority codes. */
export const OGC_WKT: Record<ExportCrs, string> = {
  4326:
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' +
    'AUTHORITY["EPSG","4326"]]',
  25832:
    'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",' +
    'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],' +
    'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
    'AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
    'PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],' +
    'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
    'AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]',
};

/** ESRI WKT for the .prj of a shapefile. */
export const ESRI_WKT: Record<ExportCrs, string> = {
  4326:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  25832:
    'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",' +
    'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
    'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
    'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],' +
    'UNIT["Meter",1.0]]',
};

/** Names for gpkg_spatial_ref_sys.srs_name. */
export const SRS_NAME: Record<ExportCrs, string> = {
  4326: 'WGS 84 geodetic',
  25832: 'ETRS89 / UTM zone 32N',
};
