// @vitest-environment node
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArgsOf, CallName, PhaseOf, ReplyOf } from './engine-calls';
import { ENGINE_CALLS } from './engine-calls';
import { EngineClient } from './engine-client';
import type {
  EngineFilter,
  FacetSummary,
  FileReply,
  LoadPhase,
  LoadReply,
  LoadRequest,
  QueryReply,
  StripReply,
  TileReply,
} from './engine-protocol';

// The type checker makes these checks (tsc runs over the tests); vitest only names them.
describe('The table of calls', () => {
  it('types each reply from the engine method that makes it', () => {
    expectTypeOf<ReplyOf<'load'>>().toEqualTypeOf<LoadReply>();
    expectTypeOf<ReplyOf<'query'>>().toEqualTypeOf<QueryReply | null>();
    expectTypeOf<ReplyOf<'tile'>>().toEqualTypeOf<TileReply>();
    expectTypeOf<ReplyOf<'strip'>>().toEqualTypeOf<StripReply>();
    expectTypeOf<ReplyOf<'export'>>().toEqualTypeOf<FileReply>();
    // A long job's "not done yet" never reaches the page.
    expectTypeOf<ReplyOf<'facets'>>().toEqualTypeOf<FacetSummary>();
  });

  it('types each request from the arguments of its call', () => {
    expectTypeOf<ArgsOf<'load'>>().toEqualTypeOf<[request: LoadRequest]>();
    expectTypeOf<ArgsOf<'query'>>().toEqualTypeOf<[filter: EngineFilter, provinces: boolean]>();
    expectTypeOf<ArgsOf<'facets'>>().toEqualTypeOf<[]>();
  });

  it('lets only loads and exports report progress, each with its own phases', () => {
    expectTypeOf<PhaseOf<'load'>>().toEqualTypeOf<LoadPhase>();
    expectTypeOf<PhaseOf<'export'>>().toEqualTypeOf<'exporting'>();
    expectTypeOf<PhaseOf<'strip'>>().toBeNever();
  });

  it('has a client method for every call', () => {
    // A call added to the table without a line here fails the type check.
    const methods: Record<CallName, keyof EngineClient> = {
      load: 'load',
      query: 'query',
      tile: 'tile',
      feature: 'feature',
      describe: 'describe',
      findRow: 'findRow',
      facets: 'facets',
      list: 'list',
      listPosition: 'listPosition',
      export: 'exportFiltered',
      setNotes: 'setNotes',
      geography: 'geography',
      strip: 'strip',
      unknownValues: 'unknownValues',
      rejected: 'rejected',
      remove: 'remove',
    };
    expect(Object.keys(methods)).toEqual(Object.keys(ENGINE_CALLS));
    for (const method of Object.values(methods))
      expect(EngineClient.prototype[method]).toBeTypeOf('function');
  });
});
