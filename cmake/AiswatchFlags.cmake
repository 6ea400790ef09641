# Compiler flags live on targets, never globally (GEOS's geos_cxx_flags idea).
add_library(aiswatch_warnings INTERFACE)
target_compile_options(aiswatch_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    -Wno-missing-field-initializers>  # designated initialisers that leave defaults are intended
  $<$<BOOL:${AISWATCH_WERROR}>:-Werror>
  # GCC 12 reports -Wmaybe-uninitialized false positives inside libstdc++ (std::regex, std::function) when
  # the sanitizers instrument the code (GCC's manual warns that -fsanitize changes these warnings); the
  # release build keeps the warning.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<BOOL:${AISWATCH_SANITIZE}>>:-Wno-maybe-uninitialized>)

# ASan+UBSan for our targets and the test binaries (AISWATCH_SANITIZE=ON); applied as an INTERFACE dependency.
add_library(aiswatch_sanitize INTERFACE)
if(AISWATCH_SANITIZE)
  target_compile_options(aiswatch_sanitize INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=undefined)
  target_link_options(aiswatch_sanitize INTERFACE -fsanitize=address,undefined)
endif()
if(AISWATCH_FUZZ)
  # Coverage instrumentation for every aiswatch library so the fuzzer sees inside them.
  target_compile_options(aiswatch_sanitize INTERFACE -fsanitize=fuzzer-no-link)
endif()

# aiswatch_library(NAME folder SOURCES ... DEPS ...): one library per top-level folder, public headers in
# <folder>/include/aiswatch/<folder>/, private sources in <folder>/src/.
function(aiswatch_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  add_library(aiswatch::${name} ALIAS ${name})
  target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} aiswatch_sanitize
                        PRIVATE ${ARG_PRIVATE_DEPS} aiswatch_warnings)
  target_compile_features(${name} PUBLIC cxx_std_20)
endfunction()
