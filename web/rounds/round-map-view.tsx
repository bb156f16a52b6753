/** React host of the meeting's {@link RoundMap}: creates it once and pushes the item on show into it. */
import { useEffect, useRef } from 'react';
import type { RoundConflict } from '../../shared/conflict-rounds.js';
import { fetchMunicipalities } from '../api/api-client.js';
import { useLoad } from '../dashboard/use-load.js';
import { useT } from '../i18n/use-t.js';
import { RoundMap } from './round-map.js';
import '../i18n/rounds.texts.js';

/** The map of the meeting, zoomed to `conflict`. */
export function RoundMapView({ conflict }: { conflict: RoundConflict }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<RoundMap | null>(null);
  const municipalities = useLoad('municipalities', fetchMunicipalities);
  const label = t('roundMeeting.mapLabel', { id: conflict.id });

  useEffect(() => {
    const roundMap = new RoundMap(container.current!, { ariaLabel: label, interactive: true });
    map.current = roundMap;
    return () => {
      roundMap.destroy();
      map.current = null;
    };
    // The map lives as long as the view; label and data are pushed in below.
  }, []);

  useEffect(() => {
    if (municipalities.data) void map.current?.setMunicipalities(municipalities.data);
  }, [municipalities.data]);

  useEffect(() => {
    void map.current?.show(conflict);
  }, [conflict]);

  useEffect(() => {
    map.current?.setLabel(label);
  }, [label]);

  return <div ref={container} className="round-map" data-testid="round-map" />;
}
