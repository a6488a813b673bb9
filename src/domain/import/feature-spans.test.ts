import { describe, expect, it } from 'vitest';
import { findFeatureSpans } from './feature-spans';

const cut = (text: string) => findFeatureSpans(text)!.map(([start, end]) => text.slice(start, end));

describe('findFeatureSpans', () => {
  it('cuts each feature exactly as written', () => {
    const a =
      '{ "type": "Feature", "geometry": null, "properties": { "n": 1e400, "s": "a,]}\\"" } }';
    const b =
      '{"type":"Feature","geometry":{"type":"Point","coordinates":[70.10,  34]},"properties":{}}';
    const text = `{"type":"FeatureCollection","features":[\n  ${a},\n\t${b}\n]}`;
    expect(cut(text)).toEqual([a, b]);
  });

  it('skips members before features that hold arrays and strings with brackets', () => {
    const text =
      '{"bbox":[1,2,3,4],"name":"features [x]","features":[1, "two", null, {"a":[{}]}],"x":[5]}';
    expect(cut(text)).toEqual(['1', '"two"', 'null', '{"a":[{}]}']);
  });

  it('ignores a "features" key nested below the top level', () => {
    const text = '{"metadata":{"features":[9]},"type":"FeatureCollection","features":[{"f":1}]}';
    expect(cut(text)).toEqual(['{"f":1}']);
  });

  it('finds no element in an empty array', () => {
    expect(cut('{"type":"FeatureCollection","features":[ ]}')).toEqual([]);
  });

  it('says when there is no features array', () => {
    expect(findFeatureSpans('{"type":"FeatureCollection"}')).toBeNull();
  });
});
