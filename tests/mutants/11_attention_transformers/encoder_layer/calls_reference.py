"""Copies the parameters into the package's PyTorch encoder layer and runs it."""
from dlcourse.models.transformer import TransformerEncoderLayer


def encoder_layer(x, params, num_heads, norm_first=False, mask=None):
    E, F = params["w_1"].shape
    layer = TransformerEncoderLayer(E, num_heads, F).double()
    a = params["attention"]
    with torch.no_grad():
        layer.self_attn.in_proj.weight.copy_(torch.tensor(np.concatenate([a["w_q"].T, a["w_k"].T, a["w_v"].T])))
        layer.self_attn.in_proj.bias.copy_(torch.tensor(np.concatenate([a["b_q"], a["b_k"], a["b_v"]])))
        layer.self_attn.out_proj.weight.copy_(torch.tensor(a["w_o"].T))
        layer.self_attn.out_proj.bias.copy_(torch.tensor(a["b_o"]))
        layer.linear1.weight.copy_(torch.tensor(params["w_1"].T))
        layer.linear1.bias.copy_(torch.tensor(params["b_1"]))
        layer.linear2.weight.copy_(torch.tensor(params["w_2"].T))
        layer.linear2.bias.copy_(torch.tensor(params["b_2"]))
        layer.norm1.weight.copy_(torch.tensor(params["gamma_1"]))
        layer.norm1.bias.copy_(torch.tensor(params["beta_1"]))
        layer.norm2.weight.copy_(torch.tensor(params["gamma_2"]))
        layer.norm2.bias.copy_(torch.tensor(params["beta_2"]))
        return layer(torch.tensor(x)).numpy()
