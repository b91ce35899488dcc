#include <cstdio>
int main() { std::puts("foiamine"); return 0; }
