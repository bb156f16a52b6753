/** React mount point of the map. It only hands a DOM element to {@link mountMap}. */
import { useEffect, useRef } from 'react';
import { appStore } from '../state/app-store.js';
import { mountMap } from './mount-map.js';

/** The map, filling its parent. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return undefined;
    return mountMap(container.current, appStore);
  }, []);
  return <div ref={container} className="map" data-testid="map" />;
}
