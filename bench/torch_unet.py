"""The PyTorch side of `./lsr perf --torch`: one training step of a U-Net of
LabelSR's default shape (depth 3, 16 base filters, two 3x3 conv + ReLU per
level, 2x2 max pooling, 2x2 stride-2 transposed convolution, skip
concatenation, 1x1 head, 2 classes), batch 8 of 128 x 128, pixel
cross-entropy, Adam, with the given number of threads. Prints the median
seconds per step."""
import sys
import time

import torch
import torch.nn as nn


def double_conv(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(inplace=True),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, depth=3, base=16, classes=2):
        super().__init__()
        f = [base << i for i in range(depth + 1)]
        self.down = nn.ModuleList([double_conv(3 if i == 0 else f[i - 1], f[i]) for i in range(depth)])
        self.bottom = double_conv(f[depth - 1], f[depth])
        self.up = nn.ModuleList([nn.ConvTranspose2d(f[i + 1], f[i], 2, stride=2) for i in reversed(range(depth))])
        self.dec = nn.ModuleList([double_conv(2 * f[i], f[i]) for i in reversed(range(depth))])
        self.head = nn.Conv2d(f[0], classes, 1)

    def forward(self, x):
        skips = []
        for d in self.down:
            x = d(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, dec, skip in zip(self.up, self.dec, reversed(skips)):
            x = torch.relu(up(x))
            x = dec(torch.cat([skip, x], 1))
        return self.head(x)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = UNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.rand(8, 3, 128, 128) * 255 / 127.5 - 1
    y = (torch.rand(8, 128, 128) < 0.15).long()
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for i in range(18):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        if i >= 3:
            times.append(time.perf_counter() - t0)
    times.sort()
    params = sum(p.numel() for p in net.parameters())
    print(f"torch {torch.__version__} threads {threads} params {params} step_s {times[len(times) // 2]:.4f}")


if __name__ == "__main__":
    main()
