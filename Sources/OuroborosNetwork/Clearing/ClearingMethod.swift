/// How a clearing vector is computed: both give the greatest clearing vector (they agree to about `tolerance / (1 − ρ)`, ρ the spectral radius of the defaulters' block).
public enum ClearingMethod: Sendable, Hashable {
    /// Fictitious default (Eisenberg–Noe 2001, Rogers–Veraart 2013 GA): grow the default set from "nobody defaults", solving the defaulters' linear system each round (dense LU up to `denseLimit` defaulters, else Gauss–Seidel).
    case fictitiousDefault
    /// Monotone (Gauss–Seidel, in place) fixed-point iteration p ← Φ(p) from p = p̄ until the sup-norm step of a sweep is at most `tolerance × max p̄`.
    case fixedPoint
}
