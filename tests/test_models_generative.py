"""Autoencoder, VAE and diffusion: the equations are right (checked against torch.distributions
and closed forms) and training makes them fit the data."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy.spatial import cKDTree
from torch import distributions as D
from torch.nn import functional as F

from dlcourse.data.densities import mixture_means, sample_gaussian_mixture
from dlcourse.data.digits import load_digits_splits
from dlcourse.models.autoencoder import Autoencoder
from dlcourse.models.diffusion import Diffusion, MixtureNoisePredictor, NoisePredictionMLP, NoiseSchedule
from dlcourse.models.vae import VAE, VAEOutput, elbo_terms, gaussian_kl_to_standard_normal, negative_elbo, reparameterize
from dlcourse.seeding import set_seed
from dlcourse.training import evaluate, train


@pytest.fixture(scope="module")
def digits():
    return load_digits_splits(0, flat=True)


# --- autoencoder ---------------------------------------------------------------------------

def test_autoencoder_shapes_and_mirrored_decoder():
    model = Autoencoder([64, 32, 8], output_link="logistic")
    x = torch.rand(5, 64)
    assert model.encode(x).shape == (5, 8) and model(x).shape == (5, 64)
    assert model.decoder.layer_sizes == [8, 32, 64]
    assert torch.all((model(x) > 0) & (model(x) < 1))


@pytest.mark.training
def test_autoencoder_reconstructs_digits_far_better_than_the_mean_image(digits):
    set_seed(0)
    model = Autoencoder([64, 32, 8], output_link="logistic")
    before, _ = evaluate(model, F.mse_loss, (digits.x_test,))
    history = train(model, F.mse_loss, (digits.x_train,), torch.optim.Adam(model.parameters(), 3e-3), 20,
                    device="cpu", progress=False)
    after, _ = evaluate(model, F.mse_loss, (digits.x_test,))
    mean_image_error = float(np.mean((digits.x_test - digits.x_train.mean(axis=0)) ** 2))
    assert after < before / 4 and after < mean_image_error / 2
    assert history.train_loss[-1] < history.train_loss[0] / 3


def test_linear_autoencoder_spans_the_principal_subspace():
    """Baldi and Hornik (1989): a linear autoencoder's optimum spans the top principal components."""
    set_seed(0)
    rng = np.random.default_rng(0)
    basis = np.linalg.qr(rng.normal(size=(6, 2)))[0]  # a random 2-D subspace of R^6
    x = (rng.normal(size=(2000, 2)) * [3.0, 2.0]) @ basis.T + 0.05 * rng.normal(size=(2000, 6))
    model = Autoencoder([6, 2], activation="identity")
    train(model, F.mse_loss, (x.astype(np.float32),), torch.optim.Adam(model.parameters(), 1e-2), 60,
          batch_size=128, device="cpu", progress=False)
    decoder_weight = model.decoder.layers[0].weight.detach().numpy()  # (6, 2): spans the code's image
    learned = np.linalg.qr(decoder_weight)[0]
    top = np.linalg.svd(x - x.mean(0), full_matrices=False)[2][:2].T
    cosines = np.linalg.svd(learned.T @ top, compute_uv=False)  # cosines of the principal angles
    assert cosines.min() > 0.99


# --- VAE -----------------------------------------------------------------------------------

def test_kl_matches_torch_distributions():
    torch.manual_seed(0)
    mean, log_variance = torch.randn(7, 3), torch.randn(7, 3)
    expected = D.kl_divergence(D.Normal(mean, torch.exp(0.5 * log_variance)), D.Normal(0.0, 1.0)).sum(-1)
    torch.testing.assert_close(gaussian_kl_to_standard_normal(mean, log_variance), expected)
    assert torch.all(gaussian_kl_to_standard_normal(torch.zeros(2, 3), torch.zeros(2, 3)) == 0)


def test_reparameterized_samples_have_the_posterior_moments_and_carry_gradients():
    mean = torch.tensor([[1.0, -2.0]], requires_grad=True)
    log_variance = torch.log(torch.tensor([[0.25, 4.0]])).requires_grad_()
    generator = torch.Generator().manual_seed(0)
    z = reparameterize(mean.expand(200_000, 2), log_variance.expand(200_000, 2), generator)
    torch.testing.assert_close(z.mean(0), torch.tensor([1.0, -2.0]), atol=0.02, rtol=0)
    torch.testing.assert_close(z.std(0), torch.tensor([0.5, 2.0]), atol=0.02, rtol=0)
    z.sum().backward()
    assert mean.grad is not None and log_variance.grad is not None


def test_elbo_terms_match_torch_distributions():
    torch.manual_seed(0)
    logits, x = torch.randn(4, 6), torch.randint(0, 2, (4, 6)).float()
    output = VAEOutput(logits, torch.randn(4, 2), torch.randn(4, 2), torch.randn(4, 2))
    log_likelihood, kl = elbo_terms(output, x)
    torch.testing.assert_close(log_likelihood, D.Bernoulli(logits=logits).log_prob(x).sum(-1))
    gaussian_ll, _ = elbo_terms(output, x, likelihood="gaussian")
    torch.testing.assert_close(gaussian_ll, D.Normal(logits, 1.0).log_prob(x).sum(-1))
    expected_kl = D.kl_divergence(D.Normal(output.mean, torch.exp(0.5 * output.log_variance)),
                                  D.Normal(0.0, 1.0)).sum(-1)
    torch.testing.assert_close(kl, expected_kl)
    torch.testing.assert_close(negative_elbo(output, x), (kl - log_likelihood).mean())


def test_elbo_is_below_the_log_likelihood_on_a_model_with_an_exact_answer():
    """With one latent dimension and a 1-D decoder the marginal p(x) is a finite sum we can do
    by quadrature; the (expected) ELBO must lie below log p(x) for any encoder."""
    torch.manual_seed(0)
    model = VAE(input_dim=3, hidden_sizes=(8,), latent_dim=1)
    x = torch.tensor([[1.0, 0.0, 1.0]])
    grid = torch.linspace(-8, 8, 4001)[:, None]
    with torch.no_grad():
        log_px_given_z = D.Bernoulli(logits=model.decode(grid)).log_prob(x).sum(-1)
        log_px = torch.logsumexp(log_px_given_z + D.Normal(0.0, 1.0).log_prob(grid[:, 0]), 0) + torch.log(
            grid[1, 0] - grid[0, 0])
        generator = torch.Generator().manual_seed(1)
        elbos = [(lambda ll, kl: ll - kl)(*elbo_terms(model(x, generator), x)) for _ in range(2000)]
    assert torch.stack(elbos).mean() < log_px


@pytest.mark.training
def test_vae_training_improves_the_elbo_on_held_out_digits(digits):
    set_seed(0)
    model = VAE(64, (128,), latent_dim=2)
    before, _ = evaluate(model, negative_elbo, (digits.x_test,))
    history = train(model, negative_elbo, (digits.x_train,), torch.optim.Adam(model.parameters(), 3e-3), 20,
                    device="cpu", progress=False)
    after, _ = evaluate(model, negative_elbo, (digits.x_test,))
    assert after < 0.7 * before, f"negative ELBO {before:.1f} -> {after:.1f} nats"
    samples = model.sample(16, generator=torch.Generator().manual_seed(0))
    assert samples.shape == (16, 64) and torch.all((samples >= 0) & (samples <= 1))


# --- diffusion -----------------------------------------------------------------------------

def _diffusion(n_steps=50):
    return Diffusion(NoisePredictionMLP(2, n_steps, hidden_size=32), NoiseSchedule.linear(n_steps))


def test_schedule_quantities_follow_their_definitions():
    schedule = NoiseSchedule.linear(100)
    betas = schedule.betas.double()
    assert betas[0].item() == pytest.approx(1e-3) and betas[-1].item() == pytest.approx(0.2)
    torch.testing.assert_close(schedule.alpha_bars.double(), torch.cumprod(1 - betas, 0), rtol=1e-5, atol=0)
    assert schedule.alpha_bars[-1] < 1e-4, "x_T must be practically pure noise"
    alpha_bar_previous = torch.cat([torch.ones(1), schedule.alpha_bars[:-1]])
    torch.testing.assert_close(schedule.posterior_variances,
                               schedule.betas * (1 - alpha_bar_previous) / (1 - schedule.alpha_bars))
    assert schedule.posterior_variances[0] == 0


def test_closed_form_noising_matches_noising_step_by_step():
    torch.manual_seed(0)
    model = _diffusion(20)
    x0 = torch.tensor([[1.5, -0.5]]).expand(100_000, 2)
    x = x0
    for step in range(12):  # x_12 by twelve single steps from x_0
        x = model.q_step(x, torch.full((len(x),), step), torch.randn_like(x))
    alpha_bar = model.alpha_bars[11]
    torch.testing.assert_close(x.mean(0), torch.sqrt(alpha_bar) * x0[0], atol=0.01, rtol=0)
    torch.testing.assert_close(x.var(0), (1 - alpha_bar).expand(2), atol=0.01, rtol=0)
    # The closed form itself is the stated affine map of x0 and the noise.
    noise = torch.randn(3, 2)
    t = torch.tensor([0, 5, 19])
    expected = torch.sqrt(model.alpha_bars[t])[:, None] * x0[:3] + torch.sqrt(1 - model.alpha_bars[t])[:, None] * noise
    torch.testing.assert_close(model.q_sample(x0[:3], t, noise), expected)


def test_loss_is_the_noise_prediction_error():
    torch.manual_seed(0)
    model = _diffusion(10)
    x0 = torch.randn(8, 2)
    generator = torch.Generator().manual_seed(3)
    loss = model.loss(x0, generator)
    generator = torch.Generator().manual_seed(3)  # replay the same t and noise
    t = torch.randint(0, 10, (8,), generator=generator)
    noise = torch.randn(8, 2, generator=generator)
    predicted = model.denoiser(model.q_sample(x0, t, noise), t)
    torch.testing.assert_close(loss, ((noise - predicted) ** 2).sum(-1).mean())


def test_a_perfect_noise_predictor_makes_sampling_return_the_data_point():
    """If the data are one point c, the true noise is (x_t - sqrt(a_t) c) / sqrt(1 - a_t);
    ancestral sampling with that predictor must end exactly at c."""
    center = torch.tensor([0.7, -1.2])
    schedule = NoiseSchedule.linear(30)

    class Oracle(torch.nn.Module):
        def forward(self, x, t):
            alpha_bar = schedule.alpha_bars[t][:, None]
            return (x - torch.sqrt(alpha_bar) * center) / torch.sqrt(1 - alpha_bar)

    samples, trajectory = Diffusion(Oracle(), schedule).sample(500, generator=torch.Generator().manual_seed(0),
                                                               return_trajectory=True)
    assert trajectory.shape == (31, 500, 2)
    torch.testing.assert_close(samples, center.expand(500, 2), atol=1e-4, rtol=0)


@pytest.mark.training
def test_diffusion_samples_land_on_the_training_density():
    set_seed(0)
    data = sample_gaussian_mixture(4000, 0).astype(np.float32)
    model = Diffusion(NoisePredictionMLP(2, 100, hidden_size=128), NoiseSchedule.linear(100))
    optimizer = torch.optim.Adam(model.parameters(), 5e-3)
    # Decaying the step size matters: without it the last updates keep jostling the weights
    # between modes and the sampled mode weights come out visibly unequal.
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=25)
    history = train(model, None, (data,), optimizer, 25, batch_size=128, scheduler=schedule, device="cpu",
                    progress=False)
    samples = model.sample(2000, generator=torch.Generator().manual_seed(0)).numpy()
    assert history.train_loss[-1] < 0.6 * history.train_loss[0]
    # Moments within a tenth of the modes' radius (1.5) of the data's.
    np.testing.assert_allclose(samples.mean(0), data.mean(0), atol=0.15)
    np.testing.assert_allclose(np.cov(samples.T), np.cov(data.T), atol=0.2)
    # A Gaussian with the data's mean and covariance matches those moments too; the samples
    # must also find the eight modes, which the Gaussian does not.
    rng = np.random.default_rng(0)
    gaussian = rng.multivariate_normal(data.mean(0), np.cov(data.T), size=2000)
    tree = cKDTree(data)
    assert np.median(tree.query(samples)[0]) < np.median(tree.query(gaussian)[0]) / 3
    distance_to_mode = np.linalg.norm(samples[:, None] - mixture_means(8)[None], axis=-1)
    near = distance_to_mode.min(1) < 0.3  # three standard deviations of a component
    gaussian_near = np.linalg.norm(gaussian[:, None] - mixture_means(8)[None], axis=-1).min(1) < 0.3
    assert near.mean() > 3 * gaussian_near.mean()
    assert np.bincount(distance_to_mode.argmin(1)[near], minlength=8).min() > 0.5 * near.sum() / 8, \
        "every mode should get its share of samples"


@pytest.mark.parametrize("call, message", [
    (lambda: NoiseSchedule.linear(1), "at least 2"),
    (lambda: NoiseSchedule.linear(10, beta_end=1.5), r"\[0, 1\)"),
    (lambda: _diffusion().loss(torch.zeros(4)), r"\(N, D\)"),
    (lambda: reparameterize(torch.zeros(2, 3), torch.zeros(2, 2)), "one shape"),
    (lambda: elbo_terms(VAE(4, (3,), 2)(torch.rand(2, 4)), torch.rand(2, 5)), "output shape"),
    (lambda: elbo_terms(VAE(4, (3,), 2)(torch.rand(2, 4)), torch.rand(2, 4), "poisson"), "'bernoulli'"),
    (lambda: Autoencoder([4, 2], output_link="softmax"), "'identity'"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_mixture_noise_predictor_is_the_posterior_mean_of_the_noise():
    """For one component (K = 1) the noise given x_t is Gaussian and its mean is known in closed
    form; for a mixture, the predictor is the regression of eps on x_t, so its error is
    uncorrelated with any function of x_t (checked by Monte Carlo against the residual of x_t)."""
    schedule = NoiseSchedule.linear(50)
    alpha_bars = schedule.alpha_bars.double()
    mean, std = torch.tensor([[0.7, -1.2]], dtype=torch.float64), 0.3
    predictor = MixtureNoisePredictor(mean, std, schedule)
    x = torch.randn(5, 2, dtype=torch.float64)
    t = torch.tensor([0, 10, 20, 30, 49])
    ab = alpha_bars[t][:, None]
    expected = torch.sqrt(1 - ab) * (x - torch.sqrt(ab) * mean) / (ab * std**2 + 1 - ab)
    torch.testing.assert_close(predictor(x, t), expected)

    means = torch.as_tensor(mixture_means(4), dtype=torch.float64)
    predictor = MixtureNoisePredictor(means, 0.1, schedule)
    generator = torch.Generator().manual_seed(0)
    n = 200_000
    x0 = means[torch.randint(0, 4, (n,), generator=generator)] + 0.1 * torch.randn(n, 2, generator=generator,
                                                                                     dtype=torch.float64)
    t = torch.full((n,), 25)
    eps = torch.randn(n, 2, generator=generator, dtype=torch.float64)
    ab = alpha_bars[25]
    xt = torch.sqrt(ab) * x0 + torch.sqrt(1 - ab) * eps
    residual = eps - predictor(xt, t)
    # E[(eps - E[eps | x_t]) g(x_t)] = 0 for any g; with g = x_t and 200k samples the std error is ~0.003.
    assert torch.abs((residual * xt).mean(0)).max() < 0.015
    assert (residual**2).sum(-1).mean() < (eps**2).sum(-1).mean()


def test_diffusion_with_the_exact_predictor_samples_every_mode():
    schedule = NoiseSchedule.linear(100)
    means = torch.as_tensor(mixture_means(8), dtype=torch.float32)
    model = Diffusion(MixtureNoisePredictor(means, 0.1, schedule), schedule)
    samples = model.sample(4000, generator=torch.Generator().manual_seed(1))
    nearest = torch.cdist(samples, means).argmin(dim=1)
    counts = torch.bincount(nearest, minlength=8).double()
    assert torch.all(torch.abs(counts / 4000 - 1 / 8) < 0.03)
    assert torch.cdist(samples, means).min(dim=1).values.median() < 0.2


def test_functional_noising_and_reverse_step_follow_their_equations():
    """The functional forms that chapter 12's tests swap in: the closed-form q(x_t | x_0), and one
    reverse step equal to the posterior mean of q(x_{t-1} | x_t, x_0) at the x_0 the noise estimate gives."""
    from dlcourse.models.diffusion import forward_noising, reverse_step

    generator = torch.Generator().manual_seed(5)
    betas = torch.sort(torch.rand(12, generator=generator, dtype=torch.float64) * 0.3 + 1e-3).values
    x0, noise, z = (torch.randn(6, 3, generator=generator, dtype=torch.float64) for _ in range(3))
    t = torch.tensor([0, 1, 5, 11, 11, 3])
    x_t = forward_noising(x0, t, noise, betas)
    for n in range(6):  # step by step: the mean factor and the variance of t + 1 steps of (12.6)
        mean_factor, variance = 1.0, 0.0
        for beta in betas[: int(t[n]) + 1].tolist():
            mean_factor, variance = mean_factor * (1 - beta) ** 0.5, (1 - beta) * variance + beta
        torch.testing.assert_close(x_t[n], mean_factor * x0[n] + variance ** 0.5 * noise[n])
    alpha_bars = torch.cumprod(1 - betas, 0)
    for step in (0, 1, 6, 11):
        before = alpha_bars[step - 1] if step > 0 else torch.tensor(1.0, dtype=torch.float64)
        x0_hat = (x0 - torch.sqrt(1 - alpha_bars[step]) * noise) / torch.sqrt(alpha_bars[step])
        mean = (torch.sqrt(before) * betas[step] * x0_hat
                + torch.sqrt(1 - betas[step]) * (1 - before) * x0) / (1 - alpha_bars[step])
        sigma = torch.sqrt(betas[step] * (1 - before) / (1 - alpha_bars[step]))
        torch.testing.assert_close(reverse_step(x0, step, noise, betas, z), mean + sigma * z)
    model = Diffusion(NoisePredictionMLP(3, 12, hidden_size=8), NoiseSchedule(betas.float()))
    torch.testing.assert_close(model.q_sample(x0.float(), t, noise.float()),
                               forward_noising(x0.float(), t, noise.float(), betas.float()))
