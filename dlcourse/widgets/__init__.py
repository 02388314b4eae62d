"""Interactive figures for the chapters: a few controls that redraw a figure in place.

- ``dlcourse.widgets.live_figure``: :class:`LiveFigure` (a matplotlib figure shown as an image that
  redraws in place) and :class:`Explorer` (controls + a live figure; the base of every widget).
- ``dlcourse.widgets.step_size``: the step-size explorer, gradient descent on a one-parameter
  loss (chapter 02, the notes' Fig 1).
- ``dlcourse.widgets.decision_boundary``: :class:`DecisionBoundaryExplorer` (chapter 04), the
  decision regions of a polynomial softmax classifier under degree, L2 strength, noise and
  training-set size.
- ``dlcourse.widgets.network_playground``: :class:`NetworkPlayground` (chapter 05), a small network
  trained on 2-D data in bounded chunks: decision regions, both loss curves, one hidden unit.
- ``dlcourse.widgets.optimizer_paths``: the optimizer-paths explorer (chapter 08), the paths of SGD,
  momentum, Nesterov, AdaGrad, RMSProp and Adam on 2-D test surfaces (:mod:`dlcourse.scratch.surfaces`).
- ``dlcourse.widgets.convolution``: :class:`ConvolutionExplorer` (chapter 09), a digit seen through a
  chosen or typed 3x3 filter: its feature map and the map after max pooling.
- ``dlcourse.widgets.gradient_flow``: the gradient-flow explorer (chapter 10), the norm of the
  gradient through time of a simple RNN, an LSTM or a GRU under sequence length and weight scale.
- ``dlcourse.widgets.attention_map``: :class:`AttentionMapExplorer` (chapter 11), the attention
  weights of a small trained reversal transformer per layer and head, for a typed or chosen input.

The computation and the drawing behind each widget are plain functions elsewhere in the package,
tested on their own; a widget only wires controls to them.
"""
