#!/usr/bin/env python3
"""The study's kind of scoring service, as a peer for `bench serve --peer` (not part of the product).

A minimal Flask app that loads the study's Keras LSTM autoencoder (.h5, read with h5py) into PyTorch and serves
POST /score: a CSV body (timestamp + the model's feature columns, read with pandas as the study does) -> per row the
mean absolute reconstruction error and whether it exceeds the threshold. Flask's own threaded server, as in the
study's Dockerfile. The Keras LSTMs use relu activations, which torch.nn.LSTM does not offer, so the cell is written
out (Keras gate order i, f, c, o).

    python3 serve_flask_torch.py --h5 Cloud_model.h5 --scaler scaler_params.json --threshold 0.275 --port 5000
"""
import argparse
import io
import json

import h5py
import numpy as np
import pandas as pd
import torch
from flask import Flask, jsonify, request

ACT = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda x: x,
       "hard_sigmoid": lambda x: torch.clamp(0.2 * x + 0.5, 0.0, 1.0)}


def load(h5_path):
    f = h5py.File(h5_path, "r")
    config = json.loads(f.attrs["model_config"] if isinstance(f.attrs["model_config"], str)
                        else f.attrs["model_config"].decode())
    weights = f["model_weights"] if "model_weights" in f else f
    layers = []
    for layer in config["config"]["layers"] if isinstance(config["config"], dict) else config["config"]:
        cls, cfg = layer["class_name"], layer["config"]
        name = cfg["name"]
        if cls == "InputLayer":
            continue
        group = weights[name]

        def arrays(g):
            out = {}
            g.visititems(lambda k, v: out.__setitem__(k.split("/")[-1].split(":")[0], np.array(v)) if isinstance(v, h5py.Dataset) else None)
            return out
        w = arrays(group)
        if cls == "LSTM":
            layers.append(("lstm", torch.tensor(w["kernel"]), torch.tensor(w["recurrent_kernel"]), torch.tensor(w["bias"]),
                           cfg["units"], ACT[cfg.get("activation", "tanh")],
                           ACT[cfg.get("recurrent_activation", "sigmoid")], cfg.get("return_sequences", False)))
        elif cls == "RepeatVector":
            layers.append(("repeat", cfg["n"]))
        elif cls == "TimeDistributed":
            layers.append(("dense", torch.tensor(w["kernel"]), torch.tensor(w["bias"])))
        else:
            raise ValueError("unsupported layer " + cls)
    return layers


def forward(layers, x):
    for layer in layers:
        if layer[0] == "lstm":
            _, W, U, b, units, act, ract, seq = layer
            h = torch.zeros(x.shape[0], units)
            c = torch.zeros(x.shape[0], units)
            outs = []
            for t in range(x.shape[1]):
                z = x[:, t] @ W + h @ U + b
                i, f, g, o = z.split(units, dim=1)
                c = ract(f) * c + ract(i) * act(g)
                h = ract(o) * act(c)
                outs.append(h)
            x = torch.stack(outs, 1) if seq else h
        elif layer[0] == "repeat":
            x = x.unsqueeze(1).repeat(1, layer[1], 1)
        else:
            x = x @ layer[1] + layer[2]
    return x


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--h5", required=True)
    p.add_argument("--scaler", required=True)
    p.add_argument("--threshold", type=float, required=True)
    p.add_argument("--port", type=int, default=5000)
    a = p.parse_args()
    layers = load(a.h5)
    sc = json.load(open(a.scaler))
    lo, hi = np.array(sc["data_min_"], dtype=np.float32), np.array(sc["data_max_"], dtype=np.float32)
    app = Flask(__name__)

    @app.post("/score")
    def score():
        df = pd.read_csv(io.StringIO(request.get_data(as_text=True)))
        cols = [c for c in df.columns if c.endswith("_mean_abs")]
        x = ((df[cols].to_numpy(dtype=np.float32) - lo) / (hi - lo)).reshape(len(df), 1, len(cols))
        with torch.no_grad():
            xt = torch.from_numpy(x)
            err = (forward(layers, xt) - xt).abs().mean(dim=2).squeeze(1).numpy()
        return jsonify(rows=[{"timestamp": t, "score": float(s), "flagged": bool(s > a.threshold)}
                             for t, s in zip(df["timestamp"], err)])

    app.run(host="127.0.0.1", port=a.port, threaded=True)


if __name__ == "__main__":
    main()
