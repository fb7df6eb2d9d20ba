package dev.waymark.dist;

public final class Waymark {
    public static void main(String[] args) {
    }
}
