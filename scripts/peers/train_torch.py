#!/usr/bin/env python3
"""PyTorch peer for `bench train` (not part of the product): the study's LSTM autoencoder (LSTM 16 -> LSTM 4 ->
repeat -> LSTM 4 -> LSTM 16 -> dense 4, relu cells, hard-sigmoid gates as Keras 2, MAE loss, Adam 1e-3, batch 10,
100 epochs, 5% validation), trained on the training rows of a feature CSV, on ONE thread. torch.nn.LSTM has only tanh
cells, so the cell is written out (as the Keras model has it).

    /usr/bin/python3 scripts/peers/train_torch.py ../shared/data/ims-test2/features_truth.csv [--until '2004-02-15 12:52:39']
"""
import argparse
import time

import numpy as np
import pandas as pd
import torch

torch.set_num_threads(1)


class Cell(torch.nn.Module):
    def __init__(self, n_in, units, seq):
        super().__init__()
        self.units, self.seq = units, seq
        self.w = torch.nn.Linear(n_in, 4 * units)
        self.u = torch.nn.Linear(units, 4 * units, bias=False)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.units)
        c = x.new_zeros(x.shape[0], self.units)
        out = []
        for t in range(x.shape[1]):
            i, f, g, o = (self.w(x[:, t]) + self.u(h)).split(self.units, dim=1)
            hs = lambda v: torch.clamp(0.2 * v + 0.5, 0.0, 1.0)
            c = hs(f) * c + hs(i) * torch.relu(g)
            h = hs(o) * torch.relu(c)
            out.append(h)
        return torch.stack(out, 1) if self.seq else h


class Builtin(torch.nn.Module):
    """The same shape with torch.nn.LSTM (tanh cells, sigmoid gates: not the study's activations, but PyTorch's fast path)."""

    def __init__(self, features, steps=1):
        super().__init__()
        self.steps = steps
        self.e1, self.e2 = torch.nn.LSTM(features, 16, batch_first=True), torch.nn.LSTM(16, 4, batch_first=True)
        self.d1, self.d2 = torch.nn.LSTM(4, 4, batch_first=True), torch.nn.LSTM(4, 16, batch_first=True)
        self.out = torch.nn.Linear(16, features)

    def forward(self, x):
        z = self.e2(self.e1(x)[0])[0][:, -1].unsqueeze(1).repeat(1, self.steps, 1)
        return self.out(self.d2(self.d1(z)[0])[0])


class Autoencoder(torch.nn.Module):
    def __init__(self, features, steps=1):
        super().__init__()
        self.steps = steps
        self.e1, self.e2 = Cell(features, 16, True), Cell(16, 4, False)
        self.d1, self.d2 = Cell(4, 4, True), Cell(4, 16, True)
        self.out = torch.nn.Linear(16, features)

    def forward(self, x):
        z = self.e2(self.e1(x)).unsqueeze(1).repeat(1, self.steps, 1)
        return self.out(self.d2(self.d1(z)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("csv")
    p.add_argument("--until", default="2004-02-15 12:52:39")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--builtin", action="store_true", help="torch.nn.LSTM (tanh) instead of the study's relu cells")
    a = p.parse_args()
    df = pd.read_csv(a.csv, parse_dates=["timestamp"])
    cols = [c for c in df.columns if c.endswith("_mean_abs")]
    train = df[df.timestamp <= pd.Timestamp(a.until)][cols].to_numpy(dtype=np.float32)
    lo, hi = train.min(axis=0), train.max(axis=0)
    x = torch.from_numpy(((train - lo) / (hi - lo)).reshape(len(train), 1, len(cols)))
    n_val = int(round(len(x) * 0.05))
    fit, val = x[: len(x) - n_val], x[len(x) - n_val:]
    torch.manual_seed(7)
    model = Builtin(len(cols)) if a.builtin else Autoencoder(len(cols))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    start = time.perf_counter()
    for epoch in range(a.epochs):
        for b in range(0, len(fit), 10):
            batch = fit[b:b + 10]
            opt.zero_grad()
            loss = (model(batch) - batch).abs().mean()
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        val_loss = (model(val) - val).abs().mean().item()
    print("PyTorch %s, 1 thread, %s: %d rows (%d fit), %d epochs in %.2f s (%.4f s/epoch); loss %.4f val %.4f"
          % (torch.__version__, "torch.nn.LSTM (tanh)" if a.builtin else "the study's relu cells", len(x), len(fit), a.epochs, seconds, seconds / a.epochs, loss.item(), val_loss))


if __name__ == "__main__":
    main()
