// One example program per language: each asks for a name and greets it, so it shows both the
// interactive terminal (type the answer) and a batch run (the answer in the stdin box).
const examples = {
  python: `name = input("What is your name? ")
print(f"Hello, {name}!")
`,
  javascript: `const readline = require("node:readline");

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question("What is your name? ", name => {
  console.log(\`Hello, \${name}!\`);
  rl.close();
});
`,
  c: `#include <stdio.h>
#include <string.h>

int main(void) {
    char name[100] = "";
    printf("What is your name? ");
    fflush(stdout);
    if (fgets(name, sizeof name, stdin))
        name[strcspn(name, "\\r\\n")] = '\\0';
    printf("Hello, %s!\\n", name);
    return 0;
}
`,
  cpp: `#include <iostream>
#include <string>

int main() {
    std::string name;
    std::cout << "What is your name? " << std::flush;
    std::getline(std::cin, name);
    std::cout << "Hello, " << name << "!" << std::endl;
}
`,
  java: `import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        System.out.print("What is your name? ");
        System.out.flush();
        String name = in.hasNextLine() ? in.nextLine() : "";
        System.out.println("Hello, " + name + "!");
    }
}
`,
  go: `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Print("What is your name? ")
	name, _ := bufio.NewReader(os.Stdin).ReadString('\\n')
	fmt.Printf("Hello, %s!\\n", strings.TrimSpace(name))
}
`,
  ruby: `print "What is your name? "
$stdout.flush
name = $stdin.gets.to_s.chomp
puts "Hello, #{name}!"
`,
  bash: `# read -p shows its prompt only on a terminal; printf shows it in batch runs too.
printf "What is your name? "
read -r name
echo "Hello, $name!"
`,
};

/** The example for a language id, or a comment for a language this page has none for. */
export function exampleFor(language) {
  return examples[language.id] ?? `// ${language.name}: write your program here.\n`;
}
