"""The finite-difference checker agrees with closed-form gradients and catches wrong ones."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.scratch.gradcheck import gradient_check, numerical_gradient, relative_error


@pytest.mark.parametrize("shape", [(1,), (5,), (3, 4), (2, 3, 2)])
def test_numerical_gradient_matches_closed_forms(shape):
    rng = np.random.default_rng(len(shape))
    x = rng.normal(size=shape)
    before = x.copy()
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(np.sin(v)), x), np.cos(x), rtol=1e-8, atol=1e-10)
    # the vector-Jacobian product of f(x) = x^3 with upstream dout is 3 x^2 dout
    dout = rng.normal(size=shape)
    np.testing.assert_allclose(numerical_gradient(lambda v: v**3, x, dout=dout), 3 * x**2 * dout, rtol=1e-7, atol=1e-9)
    np.testing.assert_array_equal(x, before)  # restored after perturbing in place


def test_numerical_gradient_perturbs_x_in_place_for_closures():
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = np.array([0.5, -1.0])
    grad = numerical_gradient(lambda _: float(x @ a @ x), x)  # f reads x from the closure
    np.testing.assert_allclose(grad, (a + a.T) @ x, rtol=1e-8)
    view = np.zeros((3, 4))[:, ::2]  # a non-contiguous view still works
    np.testing.assert_allclose(numerical_gradient(lambda v: np.sum(v**2), view), 2 * view, atol=1e-10)


def test_gradient_check_accepts_the_right_gradient_and_flags_wrong_ones():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4, 3))
    f = lambda v: np.sum(np.tanh(v) ** 2)  # noqa: E731
    right = 2 * np.tanh(x) * (1 - np.tanh(x) ** 2)
    assert gradient_check(f, x, right) < 1e-7
    assert gradient_check(f, x, 0.5 * right) == pytest.approx(1 / 3, rel=1e-4)  # a forgotten factor 2
    assert gradient_check(f, x, -right) == pytest.approx(1.0, rel=1e-6)        # a sign error
    wrong = right.copy()
    wrong[1, 2] += 0.1
    assert gradient_check(f, x, wrong) > 1e-3                                  # one wrong entry is enough


def test_relative_error_definition():
    assert relative_error(np.array([1.0, 0.0]), np.array([1.0, 0.0])) == 0.0
    assert relative_error(np.array([1.0]), np.array([3.0])) == pytest.approx(0.5)
    assert relative_error(np.array([0.0]), np.array([1e-10]), floor=1e-8) == pytest.approx(1e-2)


@pytest.mark.parametrize("call, error, message", [
    (lambda: numerical_gradient(lambda v: v.sum(), [1.0, 2.0]), TypeError, "x must be a float64 NumPy array"),
    (lambda: numerical_gradient(lambda v: v.sum(), np.ones(3, dtype=np.float32)), TypeError, "dtype float32"),
    (lambda: numerical_gradient(lambda v: v, np.ones(3)), ValueError, "f must return a single number"),
    (lambda: numerical_gradient(lambda v: v, np.ones(3), dout=np.ones(2)), ValueError, r"dout must have the shape of f's output \(3,\)"),
    (lambda: gradient_check(lambda v: v.sum(), np.ones(3), np.ones(2)), ValueError, r"analytic_grad must have the shape of x \(3,\)"),
])
def test_gradcheck_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_backward_pass_candidates_are_wrong_exactly_where_documented():
    import torch

    from dlcourse.scratch.gradcheck import backward_pass_candidates

    candidates = backward_pass_candidates()
    assert sorted(candidates) == ["A", "B", "C", "D"]
    functions = {"A": torch.tanh, "B": torch.sigmoid, "C": torch.relu, "D": lambda z: z}
    for letter, (loss, (W, b), claimed) in candidates.items():
        W_t, b_t = torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)
        rng = np.random.default_rng(630 + "ABCD".index(letter))
        X = torch.tensor(rng.normal(0, 1, (8, 4)))
        rng.normal(0, 0.5, (4, 3)), rng.normal(0, 0.5, 3)
        dout = torch.tensor(rng.normal(0, 1, (8, 3)))
        total = torch.sum(functions[letter](X @ W_t + b_t) * dout) + (1e-3 * torch.sum(W_t ** 2) if letter == "D" else 0.0)
        assert loss() == pytest.approx(total.item(), rel=1e-12)
        total.backward()
        right = [np.allclose(c, t, rtol=1e-10, atol=1e-12) for c, t in zip(claimed, [W_t.grad.numpy(), b_t.grad.numpy()])]
        assert right == {"A": [True, True], "B": [True, False], "C": [True, True], "D": [False, True]}[letter], letter
    C_loss, (C_W, C_b), _ = candidates["C"]
    assert np.min(np.abs(np.random.default_rng(632).normal(0, 1, (8, 4)) @ C_W + C_b)) == pytest.approx(3e-6, rel=1e-6)
