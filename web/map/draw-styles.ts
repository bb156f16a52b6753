/** Terra Draw styles of the drawing modes and the shape editor, in the app's blue. */
import type { HexColor } from 'terra-draw';

const BLUE: HexColor = '#1d6fd6';
const WHITE: HexColor = '#ffffff';
const AMBER: HexColor = '#f59e0b';

const shape = {
  fillColor: BLUE,
  fillOpacity: 0.2,
  outlineColor: BLUE,
  outlineWidth: 2.5,
};

const points = {
  coordinatePointColor: WHITE,
  coordinatePointOutlineColor: BLUE,
  coordinatePointWidth: 4,
  coordinatePointOutlineWidth: 2,
};

/** Styles for each Terra Draw mode the draw controller uses. */
export function drawStyles() {
  return {
    polygon: {
      ...shape,
      ...points,
      closingPointColor: WHITE,
      closingPointOutlineColor: BLUE,
      closingPointWidth: 6,
      closingPointOutlineWidth: 2.5,
      snappingPointColor: AMBER,
      snappingPointOutlineColor: WHITE,
      snappingPointWidth: 6,
      snappingPointOutlineWidth: 2,
      editedPointColor: AMBER,
      editedPointOutlineColor: WHITE,
      editedPointWidth: 6,
      editedPointOutlineWidth: 2,
    },
    rectangle: { ...shape, ...points },
    freehand: { ...shape, ...points, closingPointColor: WHITE, closingPointOutlineColor: BLUE, closingPointWidth: 6 },
    select: {
      selectedPolygonColor: BLUE,
      selectedPolygonFillOpacity: 0.25,
      selectedPolygonOutlineColor: BLUE,
      selectedPolygonOutlineWidth: 3,
      selectionPointColor: WHITE,
      selectionPointOutlineColor: BLUE,
      selectionPointWidth: 5,
      selectionPointOutlineWidth: 2.5,
      midPointColor: BLUE,
      midPointOutlineColor: WHITE,
      midPointWidth: 3.5,
      midPointOutlineWidth: 1.5,
    },
  };
}
