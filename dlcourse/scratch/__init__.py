"""NumPy implementations written from first principles: what the chapters teach.

Each module holds one concept. Chapter demos call these after you have written your own version in
an exercise, so a notebook still runs while your exercise is unfinished. Everything is float64 and
vectorized over examples; names follow PyTorch where PyTorch has the same thing, and every function
is tested against PyTorch (autograd, ``torch.nn``, ``torch.optim``) in ``tests/test_scratch_*.py``.

Where to find a concept (``dlcourse.scratch.<module>``):

===================  ===================================================================  =======
module               what is in it                                                        chapter
===================  ===================================================================  =======
``preprocessing``    ``standardize``; ``one_hot`` labels                                  00, 03
``linear_models``    ``fit_slope``, ``fit_least_squares``, ``fit_ridge`` (closed forms),    01, 03, 04
                     ``ridge_loss``/``ridge_gradient``, ``fit_lasso`` (L1), ``soft_threshold``
``features``         ``add_bias_column``, ``polynomial_features``                         03, 04
``logistic_regression`` loss and gradient for one weight or a weight vector             02, 03
``softmax_regression`` loss, gradient (eq. 19), L2 penalty, ``fit_softmax_regression``   03, 04
``perceptron``       ``mcculloch_pitts``, ``perceptron_predict``, ``perceptron_train``     02
                     (random draws), ``perceptron_train_epochs`` (one permutation per epoch)
``polynomial_classifier`` ``fit_polynomial_softmax`` (standardized monomials + softmax    04
                     regression), ``scan_degrees`` (train/validation by degree)
``ensembles``        ``average_predictions``, ``hard_vote``, ``soft_vote``                 04
``losses``           MSE, MAE, Gaussian/Bernoulli/Poisson NLL, ``gaussian_kl``,           01-03
                     ``binary_cross_entropy_with_logits``, ``cross_entropy_with_logits``
``activations``      ``logistic``, ``tanh``, ``relu``, ``leaky_relu`` and their           02-05
                     ``*_derivative``; stable ``log_sum_exp``, ``softmax``, ``log_softmax``
``gradcheck``        ``numerical_gradient`` (central differences), ``gradient_check``     06
``autodiff``         ``Value``: a scalar reverse-mode autodiff engine, ``backpropagate``  06
``layers``           forward/backward pairs: ``linear``, activations,                     06
                     ``softmax_cross_entropy``, ``sigmoid_binary_cross_entropy``,
                     ``residual`` block (the "+1" path)
``mlp``              ``MLP`` (forward, backward = notes eq. 26), ``train_epoch``          05, 06
``init``             ``xavier_uniform``, ``xavier_normal``, ``he_normal``, ``he_uniform``  07
``normalization``    ``batch_norm_*`` and ``layer_norm_*`` (train/eval modes)             07
``dropout``          inverted ``dropout_forward``/``dropout_backward``                    07
``optim``            ``gradient_descent``, ``SGD`` (momentum), ``Adagrad``, ``RMSprop``,   02, 07, 08
                     ``Adam``, ``AdamW``; ``clip_grad_norm``
``schedules``        step-size schedules: ``constant_lr``, ``step_lr``, ``exponential_lr``, 08
                     ``cosine_annealing_lr``, ``linear_lr`` (warmup), ``warmup_cosine_lr``
``batching``         ``minibatches`` (shuffled, reproducible), ``num_batches``            08
``conv``             ``conv_output_size``, ``conv2d_forward_naive``, ``im2col``/``col2im``, 09
                     ``conv2d_forward``/``backward``, ``max_pool2d_forward``/``backward``
``recurrent``        ``rnn_cell_*``, ``rnn_forward``/``rnn_backward`` (BPTT),              10
                     ``lstm_cell_*``, ``gru_cell_*``; weights to/from ``torch.nn``
``attention``        ``scaled_dot_product_attention`` (+ forward/backward),               11
                     ``causal_mask``, ``padding_mask``, ``multi_head_attention_*``,
                     ``sinusoidal_positional_encoding``
===================  ===================================================================  =======

Conventions: examples are rows; a layer ``*_forward(...)`` returns ``(out, cache)`` and
``*_backward(dout, cache)`` returns the gradients of every input and parameter in the forward's
order; randomness comes only from a ``np.random.Generator`` you pass (see ``dlcourse.seeding``);
wrong input raises ``ValueError``/``TypeError`` naming the expected shape. Nothing is imported here,
so ``import dlcourse.scratch`` stays cheap: import the module you need.
"""
