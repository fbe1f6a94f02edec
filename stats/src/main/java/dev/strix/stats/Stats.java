package dev.strix.stats; public final class Stats { private Stats() {} }
