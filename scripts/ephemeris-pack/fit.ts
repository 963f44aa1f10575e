/**
 * Chebyshev interpolation on one segment: values at the N Chebyshev–Gauss nodes
 * x_j = cos(π(j + ½)/N) give the coefficients c_k = (2/N) Σ_j f(x_j) cos(πk(j + ½)/N) (c_0 halved)
 * of the degree N − 1 interpolant (Press et al., Numerical Recipes, 3rd ed., §5.8 "chebft").
 */

/** The N nodes on [−1, 1], in the order of {@link chebyshevCoefficients}' input. */
export function chebyshevNodes(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[j] = Math.cos((Math.PI * (j + 0.5)) / n);
  return x;
}

const cosTables = new Map<number, Float64Array>();
function cosTable(n: number): Float64Array {
  let t = cosTables.get(n);
  if (!t) {
    t = new Float64Array(n * n);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) t[k * n + j] = Math.cos((Math.PI * k * (j + 0.5)) / n);
    cosTables.set(n, t);
  }
  return t;
}

/** Chebyshev coefficients (c_0 already halved, so f(x) = Σ c_k T_k(x)) from values at the nodes. */
export function chebyshevCoefficients(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const t = cosTable(n);
  const c = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += values[j] * t[k * n + j];
    c[k] = (2 / n) * s;
  }
  c[0] /= 2;
  return c;
}

/** Σ c_k T_k(x) by Clenshaw's recurrence. */
export function chebyshevValue(c: ArrayLike<number>, n: number, x: number): number {
  let b1 = 0, b2 = 0;
  const x2 = 2 * x;
  for (let k = n - 1; k >= 1; k--) {
    const b0 = x2 * b1 - b2 + c[k];
    b2 = b1;
    b1 = b0;
  }
  return x * b1 - b2 + c[0];
}
