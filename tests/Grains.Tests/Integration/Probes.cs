namespace CodeRunner.Tests.Integration;

/// <summary>
/// Programs that report what a run can see of earlier runs: other processes, files in the work
/// directory, /tmp and /dev/shm. After any hostile run, the next run in the same sandbox must see
/// only itself and its own files.
/// </summary>
internal static class Probes
{
    public const string Python = """
        import os
        me = os.getpid()
        print("procs", " ".join(sorted(p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me))))
        print("sandbox", " ".join(sorted(os.listdir("/sandbox"))))
        print("tmp", " ".join(sorted(os.listdir("/tmp"))))
        print("shm", " ".join(sorted(os.listdir("/dev/shm"))))
        print("env", " ".join(sorted(k for k in os.environ if k.startswith("PLANTED"))))
        """;

    // The /proc glob is expanded by bash itself: no child process shows up in it.
    public const string Bash = """
        procs=""
        for p in /proc/[0-9]*; do n=${p#/proc/}; if [ "$n" != 1 ] && [ "$n" != $$ ]; then procs="$procs $n"; fi; done
        echo "procs$procs"
        shopt -s dotglob nullglob
        s=(/sandbox/*); t=(/tmp/*); m=(/dev/shm/*)
        echo "sandbox ${s[*]#/sandbox/}"
        echo "tmp ${t[*]#/tmp/}"
        echo "shm ${m[*]#/dev/shm/}"
        echo "env $(compgen -e | grep ^PLANTED | tr '\n' ' ')"
        """;

    public const string C = """
        #include <dirent.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        static void list(const char *label, const char *dir) {
            DIR *d = opendir(dir);
            struct dirent *e;
            printf("%s", label);
            while (d && (e = readdir(d)))
                if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) printf(" %s", e->d_name);
            printf("\n");
            if (d) closedir(d);
        }
        int main(void) {
            DIR *d = opendir("/proc");
            struct dirent *e;
            int self = getpid();
            printf("procs");
            while ((e = readdir(d))) { int p = atoi(e->d_name); if (p > 1 && p != self) printf(" %d", p); }
            printf("\n");
            closedir(d);
            list("sandbox", "/sandbox");
            list("tmp", "/tmp");
            list("shm", "/dev/shm");
            printf("env %s\n", getenv("PLANTED") ? "PLANTED" : "");
            return 0;
        }
        """;

    public static string For(string language) => language switch
    {
        "python" => Python,
        "bash" => Bash,
        "c" => C,
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>The probe's report as label → sorted words.</summary>
    public static Dictionary<string, string[]> Parse(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToDictionary(words => words[0], words => words[1..].Order(StringComparer.Ordinal).ToArray());
}
