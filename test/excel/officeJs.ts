// Microsoft's own Office.js client library (the `@microsoft/office-js` package, Excel on the
// web's script) running in Node, with a request executor in place of Excel:
// - every request body is the library's own JSON, as it would travel to Excel on the web;
//   its size is what Excel checks against the 5 MB limit;
// - the request is then carried out on the fake Excel host (fakeExcel.ts): each object path
//   is rebuilt on the fake's proxies, each action replayed (Instantiate, Query, SetProperty,
//   Method), the fake synced once, and the answer built in the shape the library parses
//   ({"Results":[{"ActionId","Value"}]}, PascalCase properties, "_Items" with "_Id" keys).
// So the adapter runs on the library's real objects (a range kept across syncs, a property
// read before load, a method the library lacks all fail as in Excel) while the workbook it
// sees is the fake's. Answers carry results for queries, method results and null checks
// only; Excel may add a few bytes per object to them.
/// <reference types="office-js" />
import * as fs from 'fs';
import * as vm from 'vm';
import { FakeExcel, FakeOfficeError, isCollectionProxy } from './fakeExcel';

/** Excel on the web's limit, for a request and for a response. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

const SCRIPT = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

interface Library {
  Excel: typeof Excel;
}

let library: Library | undefined;

/** The library, loaded once per test file into a sandbox with the few browser globals it reads. */
export function officeJs(): Library {
  if (library) return library;
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, setInterval, clearInterval, Promise };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.navigator = { userAgent: 'node' };
  sandbox.location = { href: 'https://localhost/', search: '', hash: '', protocol: 'https:', host: 'localhost', hostname: 'localhost' };
  sandbox.addEventListener = () => undefined;
  sandbox.document = {
    readyState: 'complete',
    cookie: '',
    addEventListener: () => undefined,
    getElementsByTagName: () => [],
    createElement: () => ({ style: {}, setAttribute: () => undefined, appendChild: () => undefined }),
  };
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(SCRIPT, 'utf8'), sandbox, { filename: 'excel-web-16.00.debug.js' });
  vm.runInContext(NOTES, sandbox, { filename: 'notes-1.18.js' });
  library = { Excel: sandbox.Excel as typeof Excel };
  return library;
}

/**
 * The package's script stops at ExcelApi 1.15; notes came with 1.18. They are declared here as
 * the library declares its own classes (Comment, CommentCollection), on the library's own
 * helpers, with the methods and properties of Microsoft's API reference for Excel.Note and
 * Excel.NoteCollection: so a note's request is serialised by the library's machinery too.
 */
const NOTES = `
(function () {
  if (Object.getOwnPropertyDescriptor(Excel.Worksheet.prototype, 'notes')) return;
  var H = OfficeExtension.BatchApiHelper, U = OfficeExtension.Utility;
  function prop(cls, name, get, set) { Object.defineProperty(cls.prototype, name, { get: get, set: set, enumerable: true, configurable: true }); }
  var Note = (function (_super) {
    __extends(Note, _super);
    function Note() { return _super !== null && _super.apply(this, arguments) || this; }
    prop(Note, '_className', function () { return 'Note'; });
    prop(Note, '_scalarPropertyNames', function () { return ['content']; });
    prop(Note, '_scalarPropertyOriginalNames', function () { return ['Content']; });
    prop(Note, '_scalarPropertyUpdateable', function () { return [true]; });
    prop(Note, 'content', function () { U.throwIfNotLoaded('content', this._C, 'Note', this._isNull); return this._C; },
      function (value) { this._C = value; H.invokeSetProperty(this, 'Content', value, 0); });
    Note.prototype.delete = function () { H.invokeMethod(this, 'Delete', 0, [], 0, 0); };
    Note.prototype.getLocation = function () { return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4); };
    Note.prototype._handleResult = function (value) {
      _super.prototype._handleResult.call(this, value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      if (!U.isUndefined(value.Content)) this._C = value.Content;
    };
    Note.prototype.load = function (options) { return U.load(this, options); };
    return Note;
  }(OfficeExtension.ClientObject));
  var NoteCollection = (function (_super) {
    __extends(NoteCollection, _super);
    function NoteCollection() { return _super !== null && _super.apply(this, arguments) || this; }
    prop(NoteCollection, '_className', function () { return 'NoteCollection'; });
    prop(NoteCollection, '_isCollection', function () { return true; });
    prop(NoteCollection, 'items', function () { U.throwIfNotLoaded('items', this.m__items, 'NoteCollection', this._isNull); return this.m__items; });
    NoteCollection.prototype.add = function (cellAddress, content) {
      return H.createMethodObject(Excel.Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    };
    NoteCollection.prototype.getItem = function (key) { return H.createIndexerObject(Excel.Note, this, [key]); };
    NoteCollection.prototype.getCount = function () { return H.invokeMethod(this, 'GetCount', 1, [], 4, 0); };
    NoteCollection.prototype.getItemAt = function (index) {
      return H.createMethodObject(Excel.Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
    };
    NoteCollection.prototype.getItemOrNullObject = function (key) {
      return H.createMethodObject(Excel.Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    };
    NoteCollection.prototype._handleResult = function (value) {
      _super.prototype._handleResult.call(this, value);
      if (U.isNullOrUndefined(value)) return;
      U.fixObjectPathIfNecessary(this, value);
      var data = value[OfficeExtension.Constants.items];
      if (U.isNullOrUndefined(data)) return;
      this.m__items = [];
      for (var i = 0; i < data.length; i++) {
        var item = H.createChildItemObject(Excel.Note, true, this, data[i], i);
        item._handleResult(data[i]);
        this.m__items.push(item);
      }
    };
    NoteCollection.prototype.load = function (options) { return U.load(this, options); };
    return NoteCollection;
  }(OfficeExtension.ClientObject));
  Excel.Note = Note;
  Excel.NoteCollection = NoteCollection;
  [Excel.Worksheet, Excel.Workbook].forEach(function (cls) {
    prop(cls, 'notes', function () {
      if (!this.m_notes) this.m_notes = H.createPropertyObject(Excel.NoteCollection, this, 'Notes', true, 4);
      return this.m_notes;
    });
  });
})();
`;

/** What one context's requests and responses weighed, in UTF-8 bytes, one entry per sync. */
export class Recorder {
  readonly requests: number[] = [];
  readonly responses: number[] = [];
  /** The request bodies, when asked for (they can be large). */
  readonly bodies: string[] = [];
  constructor(readonly keepBodies = false) {}
  /** context.sync() calls: the round trips an operation takes. */
  get syncs(): number {
    return this.requests.length;
  }
  maxRequest(): number {
    return Math.max(0, ...this.requests);
  }
  maxResponse(): number {
    return Math.max(0, ...this.responses);
  }
  totalRequest(): number {
    return this.requests.reduce((a, b) => a + b, 0);
  }
}

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface Body {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, PathInfo>;
}

type Proxy = Record<string, any>;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * A request context of the real library whose requests go to `host`. The fake's own payload
 * limit is lifted: the limit is checked here, on the library's bytes.
 */
export function libraryContext(host: FakeExcel, recorder: Recorder, limit = WEB_PAYLOAD_LIMIT): Excel.RequestContext {
  const { Excel: X } = officeJs();
  (host as { payloadLimit: number }).payloadLimit = Number.POSITIVE_INFINITY;
  const context = new X.RequestContext('https://excel.invalid/');
  const replay = new Replay(host);
  // One entry per context.sync(), 0 bytes for a sync with nothing queued (the library sends none).
  const sync = context.sync.bind(context);
  (context as { sync: () => Promise<void> }).sync = async () => {
    const before = recorder.requests.length;
    try {
      await sync();
    } finally {
      if (recorder.requests.length === before) {
        recorder.requests.push(0);
        recorder.responses.push(0);
      }
    }
  };
  (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync: async (_custom: unknown, _flags: number, message: { Body: Body }) => {
      const text = JSON.stringify(message.Body);
      const bytes = utf8(text);
      recorder.requests.push(bytes);
      if (recorder.keepBodies) recorder.bodies.push(text);
      if (bytes > limit) {
        recorder.responses.push(0);
        return failure('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit.`);
      }
      let results: Array<{ ActionId: number; Value: unknown }>;
      try {
        results = await replay.run(message.Body);
      } catch (e) {
        recorder.responses.push(0);
        if (e instanceof FakeOfficeError) return failure(e.code, e.message);
        throw e;
      }
      const answer = { Results: results };
      const size = utf8(JSON.stringify(answer));
      recorder.responses.push(size);
      if (size > limit) return failure('ResponsePayloadSizeLimitExceeded', `The response payload size (${size} bytes) has exceeded the limit.`);
      return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: answer };
    },
  };
  return context;
}

function failure(code: string, message: string) {
  return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: { Error: { Code: code, Message: message, HttpStatusCode: 400, Location: '' } } };
}

/** Carries the library's requests out on the fake host, one fake context per library context. */
class Replay {
  private readonly ctx: { workbook: Proxy; sync(): Promise<void> };
  private readonly objects = new Map<number, Proxy>();

  constructor(host: FakeExcel) {
    this.ctx = host.context() as unknown as { workbook: Proxy; sync(): Promise<void> };
  }

  async run(body: Body): Promise<Array<{ ActionId: number; Value: unknown }>> {
    const answers: Array<() => { ActionId: number; Value: unknown } | null> = [];
    for (const action of body.Actions) answers.push(this.act(action, body.ObjectPaths));
    await this.ctx.sync();
    return answers.map((a) => a()).filter((a): a is { ActionId: number; Value: unknown } => a !== null);
  }

  /** Queues one action on the fake; returns how to read its result after the sync. */
  private act(a: ActionInfo, paths: Record<string, PathInfo>): () => { ActionId: number; Value: unknown } | null {
    const none = () => null;
    switch (a.ActionType) {
      case 1: {
        // Instantiate: only a null check has something to say.
        const info = paths[a.ObjectPathId];
        const obj = this.object(a.ObjectPathId, paths);
        if (info.ObjectPathType !== 3 || !/OrNullObject$/.test(info.Name)) return none;
        return () => ({ ActionId: a.Id, Value: obj.isNullObject ? null : {} });
      }
      case 2: {
        const obj = this.object(a.ObjectPathId, paths);
        const select = a.QueryInfo?.Select ?? [];
        const collection = isCollectionProxy(obj);
        obj.load(collection ? select.map((s) => `items/${s}`).join(',') : select.join(','));
        return () => ({ ActionId: a.Id, Value: queryValue(obj, select, collection) });
      }
      case 3: {
        const obj = this.object(a.ObjectPathId, paths);
        const fn = obj[camel(a.Name)];
        if (typeof fn !== 'function') throw new Error(`replay: no method ${a.Name} on ${obj.constructor?.name}`);
        const result = fn.apply(obj, this.args(a.ArgumentInfo, paths));
        if (result && typeof result === 'object' && 'value' in Object.getPrototypeOf(result))
          return () => ({ ActionId: a.Id, Value: (result as { value: unknown }).value });
        return none;
      }
      case 4: {
        const obj = this.object(a.ObjectPathId, paths);
        obj[camel(a.Name)] = this.args(a.ArgumentInfo, paths)[0];
        return none;
      }
      default:
        throw new Error(`replay: action type ${a.ActionType} (${a.Name}) is not modelled`);
    }
  }

  private args(info: ActionInfo['ArgumentInfo'], paths: Record<string, PathInfo>): unknown[] {
    const args = (info?.Arguments ?? []).slice();
    const refs = info?.ReferencedObjectPathIds;
    if (refs) refs.forEach((r, i) => typeof r === 'number' && r > 0 && (args[i] = this.object(r, paths)));
    // The library sends unset optional arguments as null; the fake's defaults want undefined.
    return args.map((x) => (x === null ? undefined : x));
  }

  /** The fake's proxy for an object path of the library, built once per path id. */
  private object(id: number, paths: Record<string, PathInfo>): Proxy {
    const known = this.objects.get(id);
    if (known) return known;
    const p = paths[id];
    if (!p) throw new Error(`replay: object path ${id} not in the request`);
    let obj: Proxy;
    if (p.ObjectPathType === 1) obj = this.ctx.workbook;
    else {
      const parent = this.object(p.ParentObjectPathId!, paths);
      if (p.ObjectPathType === 4) obj = parent[camel(p.Name)];
      else if (p.ObjectPathType === 5) obj = parent.getItem(...this.args(p.ArgumentInfo, paths));
      else if (p.ObjectPathType === 3) {
        const fn = parent[camel(p.Name)];
        if (typeof fn !== 'function') throw new Error(`replay: no method ${p.Name} on ${parent.constructor?.name}`);
        obj = fn.apply(parent, this.args(p.ArgumentInfo, paths));
      } else throw new Error(`replay: object path type ${p.ObjectPathType} (${p.Name}) is not modelled`);
    }
    if (!obj) throw new Error(`replay: path ${p.Name || p.ObjectPathType} gave nothing`);
    this.objects.set(id, obj);
    return obj;
  }
}


/** A query's answer: PascalCase properties; a collection as "_Items", each with its key as "_Id". */
function queryValue(obj: Proxy, select: string[], collection: boolean): unknown {
  if (collection) {
    const items = obj.items as Proxy[];
    return {
      _Items: items.map((it) => {
        const out: Record<string, unknown> = {};
        const key = keyOf(it._target);
        if (key !== undefined) out._Id = key;
        for (const s of select) out[pascal(s)] = it[s];
        return out;
      }),
    };
  }
  if (obj.isNullObject) return null;
  const out: Record<string, unknown> = {};
  for (const s of select) out[pascal(s)] = obj[s];
  return out;
}

/** The key Excel gives an item of a collection: a sheet's id, a name's name, a comment's id. */
function keyOf(target: Record<string, unknown> | null | undefined): string | undefined {
  if (!target) return undefined;
  if (typeof target.id === 'string') return target.id;
  if (typeof target.name === 'string' && 'comment' in target) return target.name;
  return undefined;
}
