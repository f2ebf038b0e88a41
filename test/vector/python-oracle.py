"""Regenerates python-oracle.json: array.array behaviour recorded from CPython (run: python3 python-oracle.py).

Each case is an operation on a fresh array and its observed result (values, or the exception class name).
"""
import json
import random
import struct
import sys
from array import array

random.seed(20261121)
CODES = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'i': (-2**31, 2**31 - 1), 'q': (-2**63, 2**63 - 1), 'd': None}


def values(code, n):
    r = CODES[code]
    if r is None:
        return [random.choice([0.5, -1.25, 2.0, 1e300, -0.0, 3.0]) for _ in range(n)]
    lo, hi = r
    return [random.choice([lo, hi, 0, 1, -1 if lo < 0 else 2, random.randint(lo, hi)]) for _ in range(n)]


def enc(v):
    if isinstance(v, float):
        if v != v:
            return {'f': 'nan'}
        if v == 0 and str(v).startswith('-'):
            return {'f': '-0'}
        return v
    if isinstance(v, int) and abs(v) > 2**53:
        return {'big': str(v)}
    return v


def bound():
    return random.choice([None, None, random.randint(-8, 8)])


def run(fn):
    try:
        return {'ok': fn()}
    except Exception as e:  # noqa: BLE001
        return {'error': type(e).__name__}


cases = []
for _ in range(400):
    code = random.choice(list(CODES))
    xs = values(code, random.randint(0, 7))
    op = random.choice(['slice', 'setSlice', 'delete', 'insert', 'pop', 'index', 'count', 'compare', 'byteswap', 'repeat'])
    c = {'code': code, 'xs': [enc(x) for x in xs], 'op': op}
    a = array(code, xs)
    if op == 'slice':
        s = (bound(), bound(), random.choice([None, 1, 2, -1, -2, 3]))
        c['args'] = list(s)
        c['out'] = run(lambda: [enc(x) for x in a[slice(*s)]])
    elif op == 'setSlice':
        s = (bound(), bound(), random.choice([None, 1, 2, -1, -2]))
        src = values(code, random.randint(0, 4))
        c['args'] = list(s) + [[enc(x) for x in src]]
        def f():
            a[slice(*s)] = array(code, src)
            return [enc(x) for x in a]
        c['out'] = run(f)
    elif op == 'delete':
        s = (bound(), bound(), random.choice([None, 1, 2, -1, -3]))
        c['args'] = list(s)
        def f():
            del a[slice(*s)]
            return [enc(x) for x in a]
        c['out'] = run(f)
    elif op == 'insert':
        i = random.randint(-10, 10)
        x = values(code, 1)[0]
        c['args'] = [i, enc(x)]
        def f():
            a.insert(i, x)
            return [enc(x) for x in a]
        c['out'] = run(f)
    elif op == 'pop':
        i = random.randint(-8, 8)
        c['args'] = [i]
        c['out'] = run(lambda: [enc(a.pop(i)), [enc(x) for x in a]])
    elif op == 'index':
        x = random.choice(xs) if xs and random.random() < 0.7 else values(code, 1)[0]
        st = (random.choice([0, random.randint(-8, 8)]), random.choice([sys.maxsize, random.randint(-8, 8)]))
        c['args'] = [enc(x), st[0], st[1] if st[1] != sys.maxsize else None]
        c['out'] = run(lambda: a.index(x, *st))
    elif op == 'count':
        x = random.choice(xs) if xs else 0
        c['args'] = [enc(x)]
        c['out'] = run(lambda: a.count(x))
    elif op == 'compare':
        code2 = random.choice(list(CODES))
        ys = xs[:random.randint(0, len(xs))] + values(code2, random.randint(0, 2)) if random.random() < 0.6 else values(code2, random.randint(0, 5))
        try:
            b = array(code2, ys)
        except Exception:  # noqa: BLE001
            continue
        c['args'] = [code2, [enc(y) for y in ys]]
        c['out'] = {'ok': [a < b, a == b, a > b]}
    elif op == 'byteswap':
        def f():
            a.byteswap()
            return [enc(x) for x in a]
        c['out'] = run(f)
    elif op == 'repeat':
        n = random.randint(-2, 3)
        c['args'] = [n]
        c['out'] = run(lambda: [enc(x) for x in a * n])
    cases.append(c)

with open(__file__.replace('.py', '.json'), 'w') as fh:
    json.dump({'python': sys.version.split()[0], 'byteorder': sys.byteorder, 'cases': cases}, fh, indent=0)
