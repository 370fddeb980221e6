#include "core/policy.hpp"

namespace ceplan {

const char* to_string(Level level) {
    switch (level) {
        case Level::associate:
            return "associate";
        case Level::specialist:
            return "specialist";
        case Level::professional:
            return "professional";
        case Level::expert:
            return "expert";
    }
    return "associate";
}

const char* to_string(ExamKind kind) {
    switch (kind) {
        case ExamKind::associate:
            return "associate";
        case ExamKind::core:
            return "core";
        case ExamKind::concentration:
            return "concentration";
        case ExamKind::expert_written:
            return "expert_written";
        case ExamKind::expert_lab:
            return "expert_lab";
    }
    return "associate";
}

std::optional<Level> parse_level(const std::string& name) {
    for (Level level : all_levels)
        if (name == to_string(level)) return level;
    return std::nullopt;
}

std::optional<ExamKind> parse_exam_kind(const std::string& name) {
    for (ExamKind kind : all_exam_kinds)
        if (name == to_string(kind)) return kind;
    return std::nullopt;
}

std::optional<ExamSlot> resolve_exam_slot(const Policy& policy, const std::string& name) {
    if (auto kind = parse_exam_kind(name)) return ExamSlot{name, {*kind}};
    if (auto group = policy.exam_groups.find(name); group != policy.exam_groups.end())
        return ExamSlot{name, group->second};
    return std::nullopt;
}

Policy default_policy() {
    Policy p;
    // L3: a professional-level exam is a core or a concentration exam.
    p.exam_groups["professional"] = {ExamKind::core, ExamKind::concentration};
    auto path = [&p](int credits, std::vector<std::string> exams, const char* source) {
        Path result{credits, {}, source, std::string(source) != "reported"};
        for (const auto& name : exams) result.exams.push_back(*resolve_exam_slot(p, name));
        return result;
    };
    auto& associate = p.paths[static_cast<int>(Level::associate)];
    auto& specialist = p.paths[static_cast<int>(Level::specialist)];
    auto& professional = p.paths[static_cast<int>(Level::professional)];
    auto& expert = p.paths[static_cast<int>(Level::expert)];
    // L2: CE only and CE + exam (seed).
    associate = {path(30, {}, "seed")};
    specialist = {path(40, {}, "seed")};
    professional = {path(80, {}, "seed"), path(40, {"professional"}, "seed")};
    expert = {path(120, {}, "seed"), path(40, {"core"}, "seed"), path(40, {"professional", "professional"}, "seed"),
              path(80, {"professional"}, "seed")};
    // L4: exam-only paths.
    for (const char* kind : {"associate", "concentration", "core", "expert_written", "expert_lab"})
        associate.push_back(path(0, {kind}, "official"));
    for (const char* kind : {"concentration", "core", "expert_written", "expert_lab"})
        specialist.push_back(path(0, {kind}, "reported"));
    professional.push_back(path(0, {"core"}, "reported"));
    professional.push_back(path(0, {"professional", "professional"}, "reported"));
    professional.push_back(path(0, {"expert_written"}, "reported"));
    professional.push_back(path(0, {"expert_lab"}, "reported"));
    expert.push_back(path(0, {"expert_lab"}, "reported"));
    expert.push_back(path(0, {"expert_written"}, "reported"));
    expert.push_back(path(0, {"core", "concentration"}, "reported"));
    expert.push_back(path(0, {"concentration", "concentration", "concentration"}, "reported"));
    // E6 + E8: values lost from the seed page.
    for (const char* column : cisco_live_columns)
        for (const char* level : cisco_live_levels) p.cisco_live[column][level] = std::nullopt;
    for (const char* type : item_types) p.item_authoring[type] = std::nullopt;
    return p;
}

}  // namespace ceplan
