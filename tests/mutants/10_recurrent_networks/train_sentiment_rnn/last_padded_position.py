"""Runs the cell over the whole padded row and reads the state after the last column, padding included."""
def train_sentiment_rnn(tokens, lengths, labels, vocabulary_size, epochs, seed):
    torch.manual_seed(seed)
    hidden, bound = 32, 1 / 32 ** 0.5
    embedding = nn.Embedding(vocabulary_size, 16, padding_idx=0)
    w_ih = nn.Parameter(torch.empty(3 * hidden, 16).uniform_(-bound, bound))
    w_hh = nn.Parameter(torch.empty(3 * hidden, hidden).uniform_(-bound, bound))
    b_ih = nn.Parameter(torch.empty(3 * hidden).uniform_(-bound, bound))
    b_hh = nn.Parameter(torch.empty(3 * hidden).uniform_(-bound, bound))
    readout = nn.Linear(hidden, 1)
    parameters = [*embedding.parameters(), w_ih, w_hh, b_ih, b_hh, *readout.parameters()]

    def logits(batch_tokens, batch_lengths):
        inputs = embedding(batch_tokens)                                  # (B, T) -> (B, T, 16)
        h = torch.zeros(len(batch_tokens), hidden)
        for t in range(batch_tokens.shape[1]):
            h_next = gru_cell(inputs[:, t], h, w_ih, w_hh, b_ih, b_hh)    # (B, H)
            h = h_next
        return readout(h)[:, 0]                                           # (B,)

    tokens_t = torch.as_tensor(np.asarray(tokens), dtype=torch.long)
    lengths_t = torch.as_tensor(np.asarray(lengths), dtype=torch.long)
    labels_t = torch.as_tensor(np.asarray(labels), dtype=torch.float32)
    optimizer = torch.optim.Adam(parameters, lr=0.02)
    for _ in range(epochs):
        order = torch.randperm(len(tokens_t))
        for start in range(0, len(order), 32):
            rows = order[start:start + 32]
            loss = nn.functional.binary_cross_entropy_with_logits(logits(tokens_t[rows], lengths_t[rows]), labels_t[rows])
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(parameters, 1.0)
            optimizer.step()

    def classify(new_tokens, new_lengths):
        with torch.no_grad():
            scores = logits(torch.as_tensor(np.asarray(new_tokens), dtype=torch.long),
                            torch.as_tensor(np.asarray(new_lengths), dtype=torch.long))
        return torch.sigmoid(scores).double().numpy()

    return classify
