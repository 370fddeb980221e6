// ceplan command line: `ceplan evaluate PLAN.json|-`, `ceplan optimize PLAN.json|-`, `ceplan policy`.
// Prints the result (or error) JSON on stdout; exit 0 on a result, 2 on
// invalid input (one-line summary on stderr), 1 on a usage, file or output error.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "core/json_adapter.hpp"
#include "core/optimize_json.hpp"

namespace {

int usage() {
    std::cerr << "usage: ceplan evaluate PLAN.json   (or - for standard input)\n"
                 "       ceplan optimize PLAN.json   (a plan with options: the best choice, optimize.md)\n"
                 "       ceplan policy                (the built-in policy table)\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "policy") {
        std::cout << ceplan::policy_json() << "\n";
        return 0;
    }
    const std::string command = argc == 3 ? argv[1] : "";
    if (command != "evaluate" && command != "optimize") return usage();
    const std::string path = argv[2];
    std::string text;
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::cerr << "ceplan: " << path << " is a folder, not a plan file\n";
            return 1;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "ceplan: cannot read " << path << "\n";
            return 1;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
    }
    const ceplan::Outcome outcome = command == "optimize" ? ceplan::optimize_json(text) : ceplan::evaluate_json(text);
    std::cout << outcome.json << "\n" << std::flush;
    if (!std::cout) {
        std::cerr << "ceplan: cannot write the result\n";
        return 1;
    }
    if (!outcome.ok) {
        const auto& first = outcome.errors.front();
        std::cerr << "ceplan: invalid plan, " << outcome.errors.size()
                  << " problem(s); first: " << (first.pointer.empty() ? "(document)" : first.pointer) << ": "
                  << first.message << "\n";
        return 2;
    }
    return 0;
}
