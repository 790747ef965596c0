package org.a4p.cli;
public class Main { public static void main(String[] args) { } }
