/**
 * One boolean feature-state (e.g. `collides`) on a set of features of one source. Only the
 * difference to the previous set is sent to MapLibre, so calling {@link FeatureStateSet.set} on
 * every pointer move with an unchanged set costs nothing.
 */
import type * as maplibregl from 'maplibre-gl';

type Id = string | number;

/** A feature-state key kept true on exactly the given ids. */
export class FeatureStateSet {
  private ids = new Set<Id>();
  private applied = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly source: string,
    private readonly key: string,
    /** The layer inside a vector tile source; none for GeoJSON sources. */
    private readonly sourceLayer?: string,
  ) {}

  /** Makes `ids` the set with the key true; `ready` is false until the style has loaded. */
  set(ids: Iterable<Id>, ready: boolean): void {
    const next = new Set(ids);
    if (ready && this.applied) {
      for (const id of this.ids) if (!next.has(id)) this.write(id, false);
      for (const id of next) if (!this.ids.has(id)) this.write(id, true);
    }
    this.ids = next;
    if (ready && !this.applied) this.reapply();
  }

  /** Writes the whole set again, e.g. after the source got new data. */
  reapply(): void {
    for (const id of this.ids) this.write(id, true);
    this.applied = true;
  }

  private write(id: Id, value: boolean): void {
    this.map.setFeatureState({ source: this.source, sourceLayer: this.sourceLayer, id }, { [this.key]: value });
  }
}
