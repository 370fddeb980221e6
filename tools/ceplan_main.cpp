// ceplan command line:
//   ceplan evaluate [--pretty|--summary] PLAN.json|-   the result (or error) JSON, indented, or in words
//   ceplan optimize [--pretty] PLAN.json|-             a plan with options: the best choice (optimize.md)
//   ceplan bench PLAN.json|- [N]                       N in-process evaluations, median and fastest
//   ceplan policy                                      the built-in policy table
// Exit 0 on a result, 2 on invalid input (one-line summary on stderr), 1 on a
// usage, file or output error.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_adapter.hpp"
#include "core/optimize_json.hpp"
#include "tools/summary.hpp"

namespace {

/// Says what was wrong (one line), then the usage; exit status 1.
int usage(const std::string& why) {
    std::cerr << "ceplan: " << why << "\n";
    std::cerr << "usage: ceplan evaluate [--pretty|--summary] PLAN.json   (or - for standard input)\n"
                 "       ceplan optimize [--pretty] PLAN.json   (a plan with options: the best choice, optimize.md)\n"
                 "       ceplan bench PLAN.json [N]   (N in-process evaluations, default 1000)\n"
                 "       ceplan policy                (the built-in policy table)\n";
    return 1;
}

/// The text of a plan file, or of standard input for "-"; nullopt after saying why.
std::optional<std::string> read_plan(const std::string& path) {
    if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::cerr << "ceplan: " << path << " is a folder, not a plan file\n";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "ceplan: cannot read " << path << "\n";
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The one-line summary of an invalid plan on stderr (exit code 2 follows).
void say_invalid(const ceplan::Outcome& outcome) {
    const auto& first = outcome.errors.front();
    std::cerr << "ceplan: invalid plan, " << outcome.errors.size()
              << " problem(s); first: " << (first.pointer.empty() ? "(document)" : first.pointer) << ": "
              << first.message << "\n";
}

/// issue 6: evaluate the plan text N times in-process (text in, text out);
/// prints {"evaluations": N, "median_us": m, "min_us": m} (microseconds, 0.1 resolution).
/// An invalid plan is not timed (that would time the error path): its summary on stderr, exit 2.
int bench(const std::string& text, long n) {
    using clock = std::chrono::steady_clock;
    const ceplan::Date today = ceplan::system_today();
    if (const ceplan::Outcome first = ceplan::evaluate_json(text, today); !first.ok) {
        say_invalid(first);
        return 2;
    }
    std::size_t bytes = 0;
    for (int i = 0; i < 3; ++i) bytes += ceplan::evaluate_json(text, today).json.size();  // warm up
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i) {
        const auto start = clock::now();
        const ceplan::Outcome o = ceplan::evaluate_json(text, today);
        const auto stop = clock::now();
        bytes += o.json.size();
        us.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
    std::sort(us.begin(), us.end());
    const double median = n % 2 ? us[n / 2] : (us[n / 2 - 1] + us[n / 2]) / 2;
    char line[160];
    std::snprintf(line, sizeof line, "{\"evaluations\": %ld, \"median_us\": %.1f, \"min_us\": %.1f}", n, median,
                  us.front());
    std::cout << line << "\n";
    return bytes > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage("no command given");
    if (args[0] == "policy") {
        if (args.size() > 1) return usage("policy takes no arguments, got " + args[1]);
        std::cout << ceplan::policy_json() << "\n";
        return 0;
    }
    if (args[0] == "bench" && args.size() != 2 && args.size() != 3)
        return usage("bench takes a plan file (or -) and an optional N, got " + std::to_string(args.size() - 1) +
                     " argument(s)");
    if (args[0] == "bench") {
        long n = 1000;
        if (args.size() == 3) {
            char* end = nullptr;
            n = std::strtol(args[2].c_str(), &end, 10);
            if (*end != '\0' || n < 1 || n > 10'000'000) {
                std::cerr << "ceplan: N must be a whole number from 1 to 10000000, got " << args[2] << "\n";
                return 1;
            }
        }
        const auto text = read_plan(args[1]);
        return text ? bench(*text, n) : 1;
    }
    if (args[0] != "evaluate" && args[0] != "optimize") return usage("unknown command " + args[0]);
    const bool optimize = args[0] == "optimize";
    bool pretty = false, in_words = false;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--pretty")
            pretty = true;
        else if (args[i] == "--summary")
            in_words = true;
        else if (args[i].size() > 1 && args[i][0] == '-')
            return usage("unknown option " + args[i]);
        else
            files.push_back(args[i]);
    }
    if (optimize && in_words) return usage("optimize has no --summary (use --pretty)");
    if (pretty && in_words) return usage("--pretty and --summary cannot be used together: choose one");
    if (files.empty()) return usage(args[0] + " needs a plan file (or - for standard input)");
    if (files.size() > 1)
        return usage(args[0] + " takes one plan file, got " + std::to_string(files.size()) + ": " + files[0] + ", " +
                     files[1] + (files.size() > 2 ? ", ..." : ""));
    const auto text = read_plan(files[0]);
    if (!text) return 1;
    const ceplan::Outcome outcome = optimize ? ceplan::optimize_json(*text) : ceplan::evaluate_json(*text);
    if (in_words)
        std::cout << ceplan::cli::summary(*text, outcome.json) << std::flush;
    else if (pretty)
        std::cout << nlohmann::ordered_json::parse(outcome.json).dump(2) << "\n" << std::flush;
    else
        std::cout << outcome.json << "\n" << std::flush;
    if (!std::cout) {
        std::cerr << "ceplan: cannot write the result\n";
        return 1;
    }
    if (!outcome.ok) {
        say_invalid(outcome);
        return 2;
    }
    return 0;
}
