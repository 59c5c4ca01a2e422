#pragma once
// Workshop mode's roster: who is in the room, in which group, and finding them by name.
#include "app/workspace.hpp"

#include <string>

namespace mw::app {

// Adds a voice to the roster. Names are unique within an assessment (ignoring case), so that a voice can
// be named on the command line and on a phone; the group is required (IT, OT, Business or any other).
Result<Participant> addParticipant(Workspace& workspace, Id assessmentId, const std::string& name,
                                   const std::string& group, const std::string& role = {});

// A participant of the assessment by id, uid or name (ignoring case).
Result<Participant> findParticipant(Workspace& workspace, Id assessmentId, const std::string& idUidOrName);

} // namespace mw::app
