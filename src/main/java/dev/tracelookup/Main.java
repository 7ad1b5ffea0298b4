package dev.tracelookup;
public final class Main { public static void main(String[] a) {} }
