namespace DeepRom; public static class Placeholder {}
