# Writes a C++ source returning each input file as (name, text): data compiled into the program.
set(body "#include \"${HEADER}\"\n\nnamespace mw {\nconst std::vector<std::pair<std::string_view, std::string_view>>& ${FUNCTION}() {\n    static const std::vector<std::pair<std::string_view, std::string_view>> texts = {\n")
foreach(input IN LISTS INPUTS)
  file(READ "${input}" text)
  get_filename_component(name "${input}" NAME)
  string(APPEND body "        {\"${name}\", R\"MWMODEL(${text})MWMODEL\"},\n")
endforeach()
string(APPEND body "    };\n    return texts;\n}\n} // namespace mw\n")
file(WRITE "${OUTPUT}" "${body}")
