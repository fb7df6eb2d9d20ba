package dev.waymark.benchmarks;

public final class BenchmarkMain {
    public static void main(String[] args) {
    }
}
