// The line model's training, cross-validation and page reading as one library, for
// `npm run train` and `npm run eval`.
export { readTrainingPages, TRAINING_SETS } from './trainingPages';
export {
  readPage,
  trainLineModel,
  crossValidate,
  crossValidateForms,
  readVariant,
  scorePage,
  summarize,
  modelSource,
  FORM_MODELS,
  LINE_TRAINING,
  chooseSetting,
  nestedCrossValidate,
  settingObjective,
} from '../core/model/lineTraining';
export { PAGE_VARIANTS, pageForm, pageVariant } from '../core/model/pageVariants';
