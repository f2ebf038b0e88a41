"""Runs random array.array / memoryview programs (JSON on stdin, from test/fuzz/vector-cases.ts) in CPython and
prints, per program, each operation's outcome: {"ok": value} or {"error": "ClassName"}, plus the array after it.

Values are encoded as in python-oracle.py: ints beyond 2**53 as {"big": "..."}, NaN / -0 / infinities as {"f": ...}.
"""
import json
import math
import sys
from array import array


def enc(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        if v != v:
            return {'f': 'nan'}
        if math.isinf(v):
            return {'f': 'inf' if v > 0 else '-inf'}
        if v == 0 and math.copysign(1, v) < 0:
            return {'f': '-0'}
        return v
    if isinstance(v, int) and abs(v) > 2**53:
        return {'big': str(v)}
    if isinstance(v, list):
        return [enc(x) for x in v]
    return v


def dec(v):
    if isinstance(v, dict):
        if 'big' in v:
            return int(v['big'])
        return {'nan': math.nan, '-0': -0.0, 'inf': math.inf, '-inf': -math.inf}[v['f']]
    if isinstance(v, list):
        return [dec(x) for x in v]
    return v


def step(a, code, op, args):
    if op == 'append':
        a.append(args[0])
    elif op == 'extend':
        a.extend(array(code, args[0]))
    elif op == 'insert':
        a.insert(args[0], args[1])
    elif op == 'pop':
        return a.pop(*args)
    elif op == 'remove':
        a.remove(args[0])
    elif op == 'index':
        return a.index(args[0])
    elif op == 'count':
        return a.count(args[0])
    elif op == 'reverse':
        a.reverse()
    elif op == 'get':
        return a[args[0]]
    elif op == 'set':
        a[args[0]] = args[1]
    elif op == 'slice':
        return a[slice(*args)].tolist()
    elif op == 'setSlice':
        a[slice(*args[:3])] = array(code, args[3])
    elif op == 'deleteSlice':
        del a[slice(*args)]
    elif op == 'mvList':
        with memoryview(a) as m:
            return m.tolist()
    elif op == 'mvBytes':
        with memoryview(a) as m:
            return m.cast('B').tolist()
    elif op == 'mvSlice':
        with memoryview(a) as m:
            return m[slice(*args)].tolist()
    elif op == 'mvSet':
        with memoryview(a) as m:
            m[args[0]] = args[1]
    else:
        raise SystemExit('unknown op ' + op)
    return None


out = []
for prog in json.load(sys.stdin):
    code = prog['code']
    res = []
    try:
        a = array(code, dec(prog['init']))
    except Exception as e:  # noqa: BLE001
        out.append({'init': type(e).__name__, 'steps': []})
        continue
    for op, args in prog['ops']:
        try:
            r = {'ok': enc(step(a, code, op, dec(args)))}
        except Exception as e:  # noqa: BLE001
            r = {'error': type(e).__name__}
        r['state'] = enc(a.tolist())
        res.append(r)
    out.append({'init': None, 'steps': res})
json.dump(out, sys.stdout)
