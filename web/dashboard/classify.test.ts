import { describe, expect, it } from 'vitest';
import { classify, classOf, jenksUpper, legendLabels, NO_DATA_COLOR, PALETTE, quantileUpper } from './classify.js';

describe('natural breaks', () => {
  it('splits three obvious groups at their gaps', () => {
    expect(jenksUpper([1, 1, 2, 5, 5, 6, 9, 10, 10], 3)).toEqual([2, 6, 10]);
  });

  it('puts an outlier in a class of its own', () => {
    expect(jenksUpper([1, 2, 3, 4, 5, 6, 7, 8, 100], 2)).toEqual([8, 100]);
  });
});

describe('quantiles', () => {
  it('takes data values at each fifth', () => {
    expect(quantileUpper([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([2, 4, 6, 8, 10]);
  });
});

describe('classify', () => {
  it('gives five classes with ranges of their members and the palette in order', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 30, 31, 50, 52];
    const classes = classify(values, 'jenks');
    expect(classes.upper).toHaveLength(5);
    expect(classes.colors).toEqual([...PALETTE]);
    expect(classes.ranges[0]).toEqual([1, 3]);
    expect(classes.ranges.at(-1)).toEqual([50, 52]);
    expect(values.map((v) => classOf(v, classes))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('merges tied quantile bounds (many zeros) and keeps the darkest colour on top', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.04, 3.9, 5.3, 11.7, 48];
    const classes = classify(values, 'quantile');
    expect(classes.upper[0]).toBe(0);
    expect(classes.upper.length).toBeLessThan(5);
    expect(classes.colors.at(-1)).toBe(PALETTE[4]);
    expect(classOf(48, classes)).toBe(classes.upper.length - 1);
  });

  it('gives each distinct value a class when there are few', () => {
    const classes = classify([0, 0, 7], 'jenks');
    expect(classes.upper).toEqual([0, 7]);
    expect(classes.ranges).toEqual([
      [0, 0],
      [7, 7],
    ]);
  });

  it('leaves out missing values and classes them as -1', () => {
    const classes = classify([null, null], 'jenks');
    expect(classes.upper).toEqual([]);
    expect(classOf(null, classify([1, 2], 'jenks'))).toBe(-1);
    expect(NO_DATA_COLOR).toMatch(/^#/);
  });
});

describe('legendLabels', () => {
  const format = (value: number, digits: number) => value.toFixed(digits);

  it('shows a range, or a single value for a class of one', () => {
    const classes = classify([1, 2, 3, 10], 'jenks', 2);
    expect(legendLabels(classes, format, 0)).toEqual(['1 – 3', '10']);
  });

  it('adds decimals until neighbouring classes read differently', () => {
    const classes = classify([0, 0, 16.7, 24.7, 25.4, 100.4], 'jenks');
    expect(legendLabels(classes, format, 0)).toEqual(['0.0', '16.7', '24.7', '25.4', '100.4']);
  });
});
