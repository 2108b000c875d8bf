import { QueryError } from '../../src/errors.js';
import { checkParams, cypherParams } from '../../src/store/params.js';

describe('cypherParams', () => {
  test.each([
    ['MATCH (n) WHERE n.id = $id RETURN n', ['id']],
    ['MATCH (n {key: $key}) WHERE n.x IN $xs AND n.y = $key RETURN n', ['key', 'xs']],
    ["MATCH (n) WHERE n.name = '$notParam' RETURN n", []],
    ['MATCH (n) WHERE n.name = "it\\"s $no" RETURN n', []],
    ["MATCH (n) WHERE n.name = 'it\\'s $no' AND n.a = $yes RETURN n", ['yes']],
    ['MATCH (n) // $comment\nWHERE n.a = $a RETURN n', ['a']],
    ['MATCH (n) /* $block\n$more */ WHERE n.a = $a RETURN n', ['a']],
    ['MATCH (n:`$label`) RETURN n.`$prop` AS x', []],
    ['RETURN $`odd name` AS x, $0 AS y', ['odd name', '0']],
    ['RETURN 1 AS x', []],
  ])('%s', (cypher, expected) => {
    expect(cypherParams(cypher)).toEqual(expected);
  });
});

describe('checkParams', () => {
  test('names every missing parameter and how to pass it', () => {
    expect(() => checkParams('MATCH (n) WHERE n.a = $a AND n.b = $b RETURN n', { a: 1 })).toThrow(
      'query uses parameter $b but no value was given; pass --param b=...',
    );
    expect(() => checkParams('RETURN $a AS a', {})).toThrow(QueryError);
    expect(() => checkParams('RETURN $a AS a', { a: undefined })).toThrow(QueryError);
  });
  test('null is a value; extra parameters are fine', () => {
    expect(() => checkParams('RETURN $a AS a', { a: null, z: 1 })).not.toThrow();
  });
});
