"""The convolution explorer: its computation against PyTorch, the filter parser's errors, and the
widget's displayed state as its controls move."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.data.digits import load_digits
from dlcourse.widgets.convolution import CUSTOM, FILTERS, ConvolutionExplorer, filter_response, parse_filter


def test_parse_filter_reads_rows_and_numbers():
    np.testing.assert_array_equal(parse_filter("1 0 -1; 2, 0, -2\n1 0 -1"),
                                  [[1, 0, -1], [2, 0, -2], [1, 0, -1]])
    np.testing.assert_array_equal(parse_filter(" 0.5 1e-1 -3 ;0 0 0;  1 1 1 ;"), [[0.5, 0.1, -3], [0, 0, 0], [1, 1, 1]])


@pytest.mark.parametrize("text, words", [
    ("1 0 -1; 2 0 -2", "3 rows"),
    ("1 0; 2 0 -2; 1 0 -1", "row 1 needs 3 numbers"),
    ("1 0 -1; 2 x -2; 1 0 -1", "row 2 holds something that is not a number"),
    ("1 0 -1; 2 0 -2; 1 0 inf", "row 3 holds an infinite"),
    ("", "3 rows"),
])
def test_parse_filter_says_what_is_wrong(text, words):
    with pytest.raises(ValueError, match=words):
        parse_filter(text)


@pytest.mark.parametrize("pool_size", [1, 2, 3])
@pytest.mark.parametrize("relu", [False, True])
def test_filter_response_is_torch_conv_relu_and_pool(pool_size, relu):
    rng = np.random.default_rng(pool_size)
    image, kernel = rng.normal(size=(8, 7)), rng.normal(size=(3, 3))
    response = filter_response(image, kernel, pool_size, relu)
    expected = F.conv2d(torch.tensor(image)[None, None], torch.tensor(kernel)[None, None], padding=1)
    if relu:
        expected = torch.relu(expected)
    np.testing.assert_allclose(response.feature_map, expected[0, 0].numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(response.pooled, F.max_pool2d(expected, pool_size)[0, 0].numpy(), rtol=0, atol=1e-12)
    assert response.feature_map.shape == image.shape and response.pooled.shape == (8 // pool_size, 7 // pool_size)


def test_filter_response_rejects_bad_input():
    with pytest.raises(ValueError, match="shape"):
        filter_response(np.zeros((8, 8)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="pool_size"):
        filter_response(np.zeros((4, 4)), np.zeros((3, 3)), pool_size=5)


def test_identity_filter_keeps_the_image_and_edges_respond_at_edges():
    image = np.zeros((6, 6))
    image[:, 3:] = 1.0                                            # dark left half, light right half
    np.testing.assert_allclose(filter_response(image, FILTERS["identity"], 1, relu=False).feature_map, image)
    edges = filter_response(image, FILTERS["vertical edge (dark to light)"], 1, relu=True).feature_map
    assert np.all(edges[1:-1, 2:4] > 0) and np.all(edges[:, :2] == 0) and np.all(edges[:, 4] == 0)


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def test_explorer_redraws_for_every_control(digits):
    images, labels = digits
    explorer = ConvolutionExplorer(images[:20], labels[:20])
    first_png = explorer.live_figure.image.value
    assert first_png and "image 0" in explorer.status.value and f"(a {labels[0]})" in explorer.status.value

    explorer.set(index=5)
    np.testing.assert_array_equal(explorer.artists.image.get_array(), images[5, 0])
    assert explorer.live_figure.image.value != first_png

    explorer.set(filter_name="blur", relu=False)
    expected = filter_response(images[5, 0], FILTERS["blur"], 2, relu=False)
    np.testing.assert_allclose(explorer.artists.feature_map.get_array(), expected.feature_map)
    assert [t.get_text() for t in explorer.artists.kernel_values] == ["0.11"] * 9

    explorer.set(pool_size=3)
    assert explorer.artists.pooled.get_array().shape == (2, 2) and "pooled map 2x2" in explorer.status.value
    assert explorer.artists.pooled.axes.get_xlim() == (-0.5, 1.5)


def test_explorer_uses_a_typed_filter_and_keeps_the_last_good_one(digits):
    images, _ = digits
    explorer = ConvolutionExplorer(images[:3])
    explorer.set(filter_name=CUSTOM, custom="0 0 0; 0 2 0; 0 0 0", relu=False, pool_size=1)
    np.testing.assert_allclose(explorer.artists.feature_map.get_array(), 2 * images[0, 0])
    explorer.set(custom="0 0 0; 0 2")
    assert "custom filter not used" in explorer.status.value and "3 rows" in explorer.status.value
    np.testing.assert_allclose(explorer.artists.feature_map.get_array(), 2 * images[0, 0])   # unchanged


def test_explorer_checks_its_arguments():
    with pytest.raises(ValueError, match="images"):
        ConvolutionExplorer(np.zeros((2, 3, 8, 8)))
    with pytest.raises(ValueError, match="unknown filter"):
        ConvolutionExplorer(np.zeros((2, 8, 8)), filter_name="emboss")
