#pragma once
// Shared by the test executables: fixture paths and throw-away folders.
#include "core/assessment.hpp"
#include "core/model_loader.hpp"
#include "core/model_registry.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace mw::test {

inline std::filesystem::path dataPath(const std::string& name) {
    return std::filesystem::path(MW_TEST_DATA_DIR) / name;
}
inline std::filesystem::path modelPath(const std::string& name) {
    return std::filesystem::path(MW_MODELS_DIR) / name;
}

inline Model fixtureModel(const std::string& name) {
    auto model = loadModelFile(dataPath(name));
    REQUIRE(model.has_value());
    return *model;
}

// The newest built-in model (itot-convergence 2.0.0), from its file.
inline Model defaultModel() {
    auto model = loadModelFile(modelPath("itot-convergence.json"));
    REQUIRE(model.has_value());
    return *model;
}

// The version before it, still built in: assessments made with it keep scoring as they did.
inline Model previousModel() {
    auto model = loadModelFile(modelPath("itot-convergence-1.0.0.json"));
    REQUIRE(model.has_value());
    return *model;
}

inline const ModelRegistry& builtinModels() {
    static const ModelRegistry registry = ModelRegistry::withBuiltins();
    return registry;
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A fresh folder removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device device;
        path_ = std::filesystem::temp_directory_path() /
                ("mw-test-" + std::to_string(device()) + std::to_string(device()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline Answer level(const std::string& question, std::optional<double> current,
                    std::optional<double> target = {}) {
    Answer a;
    a.questionId = question;
    a.participantId = 1;
    a.current = current;
    a.target = target;
    return a;
}

inline Answer notApplicable(const std::string& question) {
    Answer a;
    a.questionId = question;
    a.participantId = 1;
    a.notApplicable = true;
    return a;
}

} // namespace mw::test
