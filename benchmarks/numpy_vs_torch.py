"""Time the from-scratch NumPy implementations against PyTorch on the CPU, on the same inputs.

Run with ``.venv/bin/python benchmarks/numpy_vs_torch.py`` (about half a minute). Three workloads:

1. **conv2d forward + backward** on a digits-sized batch: 256 images of 1 x 8 x 8 (the real 8x8
   digits), 16 filters of 3 x 3, padding 1. NumPy: ``conv2d_forward`` (im2col) + ``conv2d_backward``;
   PyTorch: ``F.conv2d`` and ``backward``. Target: NumPy within 3x of PyTorch.
2. **one MLP training epoch** on the 1797 digits: 64-128-10 ReLU network, batch 64, shuffled, Adam
   (lr 1e-3) on both sides, starting from the same weights. NumPy: ``mlp.train_epoch``; PyTorch: an
   ``nn.Sequential`` with the usual zero_grad / forward / cross_entropy / backward / step loop over
   index batches of tensors already in memory (no DataLoader, whose per-batch overhead would
   flatter NumPy). Target: NumPy within 1.5x of PyTorch.
3. **attention forward + backward** on 32 sequences of 128 tokens, width 64: causal multi-head
   self-attention with 4 heads (NumPy ``multi_head_attention_*`` vs ``nn.MultiheadAttention`` with
   copied weights), and plain scaled dot-product attention (vs ``F.scaled_dot_product_attention``).
   No target: reported for the record.

Fairness choices:

- **Same inputs, same precision**: both sides compute in float64 (the NumPy code is float64 by
  design, and the outputs are checked to agree before timing). PyTorch's float32 time is printed
  too, for reference only: its fast CPU kernels (oneDNN) are float32-only, so it is the number a
  PyTorch user would see, but it is not the same computation.
- **Same number of threads**: NumPy's BLAS is limited with threadpoolctl and PyTorch with
  ``torch.set_num_threads`` to the same count, ``--threads`` (1 by default: on a shared 2-core
  machine one thread per side gives the steadiest numbers; try ``--threads 2`` on an idle machine).
- **Same measurement**: each repeat times one call of each side, alternating which goes first, after
  warm-up runs; the reported time is the median over ``--repeats`` repeats, so a burst of load from
  another process hits both sides alike and does not move the median much.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import threadpoolctl
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from dlcourse.scratch import attention, conv, optim  # noqa: E402
from dlcourse.scratch.mlp import MLP, train_epoch  # noqa: E402


def seconds(fn) -> float:
    """Wall-clock seconds of one call of ``fn()``."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def compare(numpy_fn, torch_fn, repeats: int, warmup: int = 3) -> tuple[float, float]:
    """Median seconds of ``numpy_fn()`` and ``torch_fn()``, timed alternately, after warm-up."""
    for _ in range(warmup):
        numpy_fn()
        torch_fn()
    times = {numpy_fn: [], torch_fn: []}
    for repeat in range(repeats):
        order = (numpy_fn, torch_fn) if repeat % 2 == 0 else (torch_fn, numpy_fn)
        for fn in order:
            times[fn].append(seconds(fn))
    return statistics.median(times[numpy_fn]), statistics.median(times[torch_fn])


def median_time(fn, repeats: int, warmup: int = 3) -> float:
    """Median seconds of ``fn()`` over ``repeats`` calls, after warm-up."""
    for _ in range(warmup):
        fn()
    return statistics.median(seconds(fn) for _ in range(repeats))


def digits():
    data = load_digits()
    return data.data / 16.0, data.target


# ----------------------------------------------------------------------------- workloads


def conv2d_workload(repeats: int):
    X, _ = digits()
    rng = np.random.default_rng(0)
    x = X[:256].reshape(256, 1, 8, 8)
    w, b = 0.3 * rng.normal(size=(16, 1, 3, 3)), rng.normal(size=16)
    dout = rng.normal(size=(256, 16, 8, 8))

    def numpy_step():
        out, cache = conv.conv2d_forward(x, w, b, stride=1, padding=1)
        return out, conv.conv2d_backward(dout, cache)

    def torch_step_for(dtype):
        tx, tw, tb = (torch.tensor(a, dtype=dtype, requires_grad=True) for a in (x, w, b))
        tdout = torch.tensor(dout, dtype=dtype)

        def step():
            tx.grad = tw.grad = tb.grad = None
            out = F.conv2d(tx, tw, tb, stride=1, padding=1)
            out.backward(tdout)
            return out, (tx.grad, tw.grad, tb.grad)

        return step

    torch_step = torch_step_for(torch.float64)
    (out, grads), (t_out, t_grads) = numpy_step(), torch_step()
    np.testing.assert_allclose(out, t_out.detach().numpy(), rtol=1e-10, atol=1e-10)
    for ours, theirs in zip(grads, t_grads):
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-10, atol=1e-10)
    numpy_time, torch_time = compare(numpy_step, torch_step, repeats)
    return numpy_time, torch_time, median_time(torch_step_for(torch.float32), repeats)


def mlp_workload(repeats: int):
    X, y = digits()
    model = MLP([64, 128, 10], "relu", np.random.default_rng(0))
    numpy_optimizer = optim.Adam(model.parameters(), lr=1e-3)
    numpy_rng = np.random.default_rng(1)

    def torch_setup(dtype):
        net = torch.nn.Sequential(torch.nn.Linear(64, 128, dtype=dtype), torch.nn.ReLU(), torch.nn.Linear(128, 10, dtype=dtype))
        with torch.no_grad():
            for linear, w, b in zip((net[0], net[2]), model.weights, model.biases):
                linear.weight.copy_(torch.tensor(w.T))
                linear.bias.copy_(torch.tensor(b))
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        tX, ty = torch.tensor(X, dtype=dtype), torch.tensor(y)
        generator = torch.Generator().manual_seed(1)

        def epoch():
            order = torch.randperm(len(ty), generator=generator)
            total = 0.0
            for start in range(0, len(ty), 64):
                index = order[start:start + 64]
                optimizer.zero_grad()
                loss = F.cross_entropy(net(tX[index]), ty[index])
                loss.backward()
                optimizer.step()
                total += loss.item() * len(index)
            return total / len(ty)

        return epoch

    torch_epoch = torch_setup(torch.float64)
    torch32_epoch = torch_setup(torch.float32)  # built before NumPy trains: the same starting weights

    def numpy_epoch():
        return train_epoch(model, X, y, numpy_optimizer, 64, numpy_rng)

    # sanity: both decrease the same loss from the same start
    first_numpy, first_torch = numpy_epoch(), torch_epoch()
    assert abs(first_numpy - first_torch) < 0.1 * first_torch, (first_numpy, first_torch)
    numpy_time, torch_time = compare(numpy_epoch, torch_epoch, repeats)
    return numpy_time, torch_time, median_time(torch32_epoch, repeats)


def attention_workloads(repeats: int):
    rng = np.random.default_rng(2)
    n, steps, embed, heads = 32, 128, 64, 4
    x = rng.normal(size=(n, steps, embed))
    dout = rng.normal(size=(n, steps, embed))
    torch.manual_seed(0)
    results = {}

    # multi-head self-attention, causal
    def mha_setup(dtype):
        module = torch.nn.MultiheadAttention(embed, heads, batch_first=True, dtype=dtype)
        mask = torch.tensor(~attention.causal_mask(steps))  # torch's MHA: True = blocked
        tx = torch.tensor(x, dtype=dtype, requires_grad=True)
        tdout = torch.tensor(dout, dtype=dtype)

        def step():
            module.zero_grad()
            tx.grad = None
            out, _ = module(tx, tx, tx, attn_mask=mask, need_weights=False)
            out.backward(tdout)
            return out

        return module, step

    module, torch_mha = mha_setup(torch.float64)
    params = attention.multi_head_attention_weights_from_torch(module)

    def numpy_mha():
        out, cache = attention.multi_head_attention_forward(x, x, x, params, heads, is_causal=True)
        attention.multi_head_attention_backward(dout, cache)
        return out

    np.testing.assert_allclose(numpy_mha(), torch_mha().detach().numpy(), rtol=1e-9, atol=1e-10)
    results["multi-head self-attention fwd+bwd"] = (*compare(numpy_mha, torch_mha, repeats),
                                                    median_time(mha_setup(torch.float32)[1], repeats))

    # plain scaled dot-product attention on (N, heads, T, E / heads)
    q, k, v = (rng.normal(size=(n, heads, steps, embed // heads)) for _ in range(3))
    d_heads = rng.normal(size=q.shape)

    def numpy_sdpa():
        out, cache = attention.scaled_dot_product_attention_forward(q, k, v, is_causal=True)
        attention.scaled_dot_product_attention_backward(d_heads, cache)
        return out

    def sdpa_setup(dtype):
        tq, tk, tv = (torch.tensor(a, dtype=dtype, requires_grad=True) for a in (q, k, v))
        td = torch.tensor(d_heads, dtype=dtype)

        def step():
            tq.grad = tk.grad = tv.grad = None
            out = F.scaled_dot_product_attention(tq, tk, tv, is_causal=True)
            out.backward(td)
            return out

        return step

    torch_sdpa = sdpa_setup(torch.float64)
    np.testing.assert_allclose(numpy_sdpa(), torch_sdpa().detach().numpy(), rtol=1e-9, atol=1e-10)
    results["scaled dot-product attention fwd+bwd"] = (*compare(numpy_sdpa, torch_sdpa, repeats),
                                                       median_time(sdpa_setup(torch.float32), repeats))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="threads for NumPy's BLAS and for PyTorch (default 1)")
    parser.add_argument("--repeats", type=int, default=21, help="timed repeats per workload (the median is reported)")
    args = parser.parse_args()

    threadpoolctl.threadpool_limits(args.threads, user_api="blas")
    torch.set_num_threads(args.threads)
    blas = [info for info in threadpoolctl.threadpool_info() if info["user_api"] == "blas"]
    print(f"NumPy {np.__version__} ({', '.join(sorted({i['internal_api'] for i in blas}))}), PyTorch {torch.__version__}; "
          f"threads: BLAS {sorted({i['num_threads'] for i in blas})}, torch {torch.get_num_threads()}; "
          f"median of {args.repeats} repeats")

    rows = [
        ("conv2d fwd+bwd, 256 x 1 x 8 x 8, 16 filters 3x3", *conv2d_workload(args.repeats), 3.0),
        ("MLP epoch on digits, 64-128-10, batch 64, Adam", *mlp_workload(args.repeats), 1.5),
    ]
    rows += [(name, *times, None) for name, times in attention_workloads(args.repeats).items()]

    print(f"\n{'workload':<52} {'NumPy':>10} {'torch f64':>10} {'ratio':>7} {'target':>8}   {'torch f32':>10}")
    for name, numpy_time, torch_time, torch32_time, target in rows:
        ratio = numpy_time / torch_time
        verdict = "" if target is None else f"<= {target:.1f}x " + ("met" if ratio <= target else "MISSED")
        print(f"{name:<52} {numpy_time * 1e3:>8.2f}ms {torch_time * 1e3:>8.2f}ms {ratio:>6.2f}x {verdict:>14}"
              f" {torch32_time * 1e3:>8.2f}ms")


if __name__ == "__main__":
    main()
