#include "app/workshop.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mw::app {

namespace {

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string namesOf(const std::vector<Participant>& participants) {
    std::string names;
    for (const auto& p : participants)
        names += (names.empty() ? "" : ", ") + p.name + " (#" + std::to_string(p.id) + ")";
    return names;
}

} // namespace

Result<Participant> addParticipant(Workspace& workspace, Id assessmentId, const std::string& name,
                                   const std::string& group, const std::string& role) {
    const std::string cleanName = trimmed(name);
    const std::string cleanGroup = trimmed(group);
    if (cleanName.empty())
        return fail("a participant needs a name");
    if (cleanGroup.empty())
        return fail("participant '" + cleanName + "' needs a group, such as IT, OT or Business");
    if (auto info = workspace.store().assessmentInfo(assessmentId); !info)
        return std::unexpected(info.error());
    auto participants = workspace.store().participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    for (const auto& p : *participants)
        if (sameName(p.name, cleanName))
            return fail("assessment " + std::to_string(assessmentId) + " already has a participant named '" +
                        p.name + "' (#" + std::to_string(p.id) + ")");
    auto id = workspace.store().addParticipant(assessmentId, cleanName, cleanGroup, trimmed(role));
    if (!id)
        return std::unexpected(id.error());
    auto added = workspace.store().participants(assessmentId);
    if (!added)
        return std::unexpected(added.error());
    return *std::find_if(added->begin(), added->end(), [&](const Participant& p) { return p.id == *id; });
}

Result<Participant> findParticipant(Workspace& workspace, Id assessmentId, const std::string& idUidOrName) {
    auto participants = workspace.store().participants(assessmentId);
    if (!participants)
        return std::unexpected(participants.error());
    if (participants->empty())
        if (auto info = workspace.store().assessmentInfo(assessmentId); !info)
            return std::unexpected(info.error());
    Id number = 0;
    const auto* end = idUidOrName.data() + idUidOrName.size();
    const bool isNumber = std::from_chars(idUidOrName.data(), end, number).ptr == end && !idUidOrName.empty();
    for (const auto& p : *participants)
        if ((isNumber && p.id == number) || p.uid == idUidOrName || sameName(p.name, trimmed(idUidOrName)))
            return p;
    return fail("assessment " + std::to_string(assessmentId) + " has no participant '" + idUidOrName +
                "'; its participants are " + namesOf(*participants));
}

} // namespace mw::app
