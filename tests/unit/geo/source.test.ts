import { describe, expect, it } from "vitest";
import { parseBatasInput, parseBatasSql, pathToGeometry, SourceSyntaxError } from "@/lib/geo/source";

const ring = "[[-6.1,106.1],[-6.1,106.2],[-6.2,106.2],[-6.1,106.1]]";

describe("parseBatasSql", () => {
  it("reads several INSERT statements, doubled apostrophes and swaps [lat, lng] to [lng, lat]", () => {
    const text = `/* licence: it's 'quoted' */
DELETE FROM wilayah_boundaries WHERE kode = '1';
INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES
\t('52.06.05','Hu''u',-8.7,118.4,'[${ring}]'),
\t('73.18.01','Sangalla''',-3.0,119.9,'[[${ring}],[${ring}]]');
INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('36.04','Kabupaten Serang',-6.14,106.15,'[${ring}]');`;
    const rows = parseBatasSql(text);
    expect(rows.map((r) => [r.kode, r.nama, r.geometry.type])).toEqual([
      ["52.06.05", "Hu'u", "Polygon"],
      ["73.18.01", "Sangalla'", "MultiPolygon"],
      ["36.04", "Kabupaten Serang", "Polygon"],
    ]);
    expect(rows[0].geometry.coordinates[0][0]).toEqual([106.1, -6.1]);
  });

  it("rejects a broken statement instead of guessing", () => {
    expect(() => parseBatasSql(`INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('1','a',1,2,'[${ring}]') 'x';`)).toThrow(SourceSyntaxError);
    expect(() => parseBatasSql(`INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('1','a,1,2);`)).toThrow(SourceSyntaxError);
  });
});

describe("pathToGeometry", () => {
  it("tells Polygon from MultiPolygon by depth and refuses a line", () => {
    expect(pathToGeometry(`[${ring}]`).type).toBe("Polygon");
    expect(pathToGeometry(`[[${ring}]]`).type).toBe("MultiPolygon");
    expect(() => pathToGeometry(ring)).toThrow(/bukan poligon/);
    expect(() => pathToGeometry("[[[")).toThrow(/bukan JSON/);
  });
});

describe("parseBatasInput", () => {
  it("reads GeoJSON with a kode property, keeping [lng, lat] as it is", () => {
    const fc = { type: "FeatureCollection", features: [{ type: "Feature", properties: { kode: "36.04.30.2001" }, geometry: { type: "Polygon", coordinates: [[[106, -6], [106.1, -6], [106.1, -6.1], [106, -6]]] } }] };
    const [f] = parseBatasInput(JSON.stringify(fc));
    expect(f.kode).toBe("36.04.30.2001");
    expect((f.geometry as { coordinates: number[][][] }).coordinates[0][0]).toEqual([106, -6]);
  });
  it("refuses JSON that is not GeoJSON features", () => {
    expect(() => parseBatasInput('{"type":"Point"}')).toThrow(SourceSyntaxError);
    expect(() => parseBatasInput("{oops")).toThrow(SourceSyntaxError);
  });
});
