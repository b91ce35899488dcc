#include "pipeline/page.h"

namespace foiamine {

const char* PageMethodName(PageMethod method) {
  switch (method) {
    case PageMethod::kText: return "text";
    case PageMethod::kOcr: return "ocr";
    case PageMethod::kNone: return "none";
  }
  return "none";
}

}  // namespace foiamine
